using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// The fused assignment on the tiled core: each group owns BM points and walks every centroid tile, keeping
/// each point's running argmin in registers, so the n × k distance matrix never exists.
/// </summary>
/// <remarks>
/// ‖x − c‖² = ‖x‖² + ‖c‖² − 2x·c. The argmin over c needs only ‖c‖² − 2x·c (the dot products come from
/// <see cref="TiledDistanceCore"/>); the reported minimum is ‖x‖² + min, clamped at 0 because rounding can
/// make the expanded form slightly negative for a point on its centroid. Ties go to the lowest centroid
/// index: strict &lt; in index order within a thread, and lower index on equal distances when the
/// ThreadsCentroids partial bests of a point merge through shared memory.
/// </remarks>
internal static class TiledArgminKernel
{
    /// <summary>
    /// labels[i] = argmin_c ‖x_i − c‖², minDistances[i] = that distance, for i ∈ [0, n). Grid: ⌈n / BM⌉
    /// groups of ThreadsPoints · ThreadsCentroids threads.
    /// </summary>
    public static void Assign<TConfig>(
        ArrayView<float> points, ArrayView<float> pointNorms,
        ArrayView<float> centroids, ArrayView<float> centroidNorms,
        ArrayView<int> labels, ArrayView<float> minDistances,
        int pointCount, int dimensions, int clusterCount)
        where TConfig : struct, ITileConfig
    {
        int columns = default(TConfig).ThreadsCentroids;
        int blockPoints = TileShape.BlockPoints<TConfig>();
        int blockCentroids = TileShape.BlockCentroids<TConfig>();
        int threads = TileShape.Threads<TConfig>();
        var pointStage = SharedMemory.Allocate<float>(2 * TileShape.PointBuffer<TConfig>());
        var centroidStage = SharedMemory.Allocate<float>(2 * TileShape.CentroidBuffer<TConfig>());
        var scratchDistances = SharedMemory.Allocate<float>(TileShape.ScratchSize<TConfig>());
        var scratchIndices = SharedMemory.Allocate<int>(TileShape.ScratchSize<TConfig>());

        int thread = Group.IdxX;
        int tp = thread / columns;
        int tc = thread - tp * columns;
        int pointBase = Grid.IdxX * blockPoints;
        int pointEnd = pointBase + blockPoints < pointCount ? pointBase + blockPoints : pointCount;

        // The running argmin lives in the thread's own slots of the scratch between centroid tiles, not in registers:
        // 16 LDS + 16 STS a tile, and 16 registers fewer live across the chunk loop (the 64 accumulators, 32 operands and
        // 8 staged values already fill most of the register file).
        int stride = TileShape.ScratchStride<TConfig>();
        int scratchStart = tc * stride;
        int lowRow = 4 * tp;
        int highRow = lowRow + blockPoints / 2;
        ArgminState.Empty.Spill(scratchDistances, scratchIndices, scratchStart, lowRow, highRow);
        for (int centroidBase = 0; centroidBase < clusterCount; centroidBase += blockCentroids)
        {
            int centroidEnd = centroidBase + blockCentroids < clusterCount ? centroidBase + blockCentroids : clusterCount;
            var dots = TiledDistanceCore.DotTile<TConfig>(
                points, pointBase, pointEnd, centroids, centroidBase, centroidEnd, dimensions,
                pointStage, centroidStage, thread, tp, tc);
            int low = centroidBase + 4 * tc;
            int high = low + blockCentroids / 2;
            ArgminState.Load(scratchDistances, scratchIndices, scratchStart, lowRow, highRow)
                .Scan(dots, TiledDistanceCore.Norms(centroidNorms, low, high, clusterCount), low, high)
                .Spill(scratchDistances, scratchIndices, scratchStart, lowRow, highRow);
        }
        Group.Barrier();
        for (int row = thread; row < blockPoints; row += threads)
        {
            int point = pointBase + row;
            if (point >= pointEnd)
                break;
            var merged = ArgminState.Merged(scratchDistances, scratchIndices, row, columns, stride);
            float distance = pointNorms[point] + merged.Distance;
            distance = distance > 0f ? distance : 0f;
            labels[point] = merged.Index;
            minDistances[point] = distance;
        }
    }
}
