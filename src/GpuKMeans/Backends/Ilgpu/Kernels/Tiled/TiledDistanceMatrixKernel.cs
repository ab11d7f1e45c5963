using System.Runtime.CompilerServices;
using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// The point × centroid squared-distance matrix on the tiled core, for <c>Transform</c>: rows
/// [firstRow, firstRow + rowCount) of the points, written row-major with k columns from row 0 of
/// <c>distances</c>.
/// </summary>
internal static class TiledDistanceMatrixKernel
{
    /// <summary>
    /// distances[(p − firstRow)·k + c] = max(‖x_p‖² + ‖c‖² − 2x_p·c, 0). Grid: ⌈rowCount / BM⌉ groups;
    /// each walks every centroid tile and writes its 8 × 8 micro-tile per tile (predicated on p and c).
    /// </summary>
    public static void Run<TConfig>(
        ArrayView<float> points, ArrayView<float> pointNorms,
        ArrayView<float> centroids, ArrayView<float> centroidNorms,
        ArrayView<float> distances,
        int firstRow, int rowCount, int dimensions, int clusterCount)
        where TConfig : struct, ITileConfig
    {
        int columns = default(TConfig).ThreadsCentroids;
        int blockPoints = TileShape.BlockPoints<TConfig>();
        int blockCentroids = TileShape.BlockCentroids<TConfig>();
        var pointStage = SharedMemory.Allocate<float>(2 * TileShape.PointBuffer<TConfig>());
        var centroidStage = SharedMemory.Allocate<float>(2 * TileShape.CentroidBuffer<TConfig>());

        int thread = Group.IdxX;
        int tp = thread / columns;
        int tc = thread - tp * columns;
        int pointBase = firstRow + Grid.IdxX * blockPoints;
        int rowEnd = firstRow + rowCount;
        int pointEnd = pointBase + blockPoints < rowEnd ? pointBase + blockPoints : rowEnd;
        int lowRow = pointBase + 4 * tp;
        int highRow = lowRow + blockPoints / 2;

        for (int centroidBase = 0; centroidBase < clusterCount; centroidBase += blockCentroids)
        {
            int centroidEnd = centroidBase + blockCentroids < clusterCount ? centroidBase + blockCentroids : clusterCount;
            var dots = TiledDistanceCore.DotTile<TConfig>(
                points, pointBase, pointEnd, centroids, centroidBase, centroidEnd, dimensions,
                pointStage, centroidStage, thread, tp, tc);
            int low = centroidBase + 4 * tc;
            int high = low + blockCentroids / 2;
            var norms = TiledDistanceCore.Norms(centroidNorms, low, high, clusterCount);
            WriteRow(distances, pointNorms, lowRow, pointEnd, firstRow, dots.R0, norms, low, high, clusterCount);
            WriteRow(distances, pointNorms, lowRow + 1, pointEnd, firstRow, dots.R1, norms, low, high, clusterCount);
            WriteRow(distances, pointNorms, lowRow + 2, pointEnd, firstRow, dots.R2, norms, low, high, clusterCount);
            WriteRow(distances, pointNorms, lowRow + 3, pointEnd, firstRow, dots.R3, norms, low, high, clusterCount);
            WriteRow(distances, pointNorms, highRow, pointEnd, firstRow, dots.R4, norms, low, high, clusterCount);
            WriteRow(distances, pointNorms, highRow + 1, pointEnd, firstRow, dots.R5, norms, low, high, clusterCount);
            WriteRow(distances, pointNorms, highRow + 2, pointEnd, firstRow, dots.R6, norms, low, high, clusterCount);
            WriteRow(distances, pointNorms, highRow + 3, pointEnd, firstRow, dots.R7, norms, low, high, clusterCount);
        }
    }

    /// <summary>The thread's 8 entries of one point's row (none when the point is past the range).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteRow(
        ArrayView<float> distances, ArrayView<float> pointNorms, int point, int pointEnd, int firstRow,
        Vec8 dots, Vec8 norms, int low, int high, int clusterCount)
    {
        if (point >= pointEnd)
            return;
        float pointNorm = pointNorms[point];
        long rowStart = (long)(point - firstRow) * clusterCount;
        WriteOne(distances, rowStart, low, clusterCount, pointNorm, norms.V0, dots.V0);
        WriteOne(distances, rowStart, low + 1, clusterCount, pointNorm, norms.V1, dots.V1);
        WriteOne(distances, rowStart, low + 2, clusterCount, pointNorm, norms.V2, dots.V2);
        WriteOne(distances, rowStart, low + 3, clusterCount, pointNorm, norms.V3, dots.V3);
        WriteOne(distances, rowStart, high, clusterCount, pointNorm, norms.V4, dots.V4);
        WriteOne(distances, rowStart, high + 1, clusterCount, pointNorm, norms.V5, dots.V5);
        WriteOne(distances, rowStart, high + 2, clusterCount, pointNorm, norms.V6, dots.V6);
        WriteOne(distances, rowStart, high + 3, clusterCount, pointNorm, norms.V7, dots.V7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteOne(
        ArrayView<float> distances, long rowStart, int centroid, int clusterCount, float pointNorm, float centroidNorm, float dot)
    {
        if (centroid >= clusterCount)
            return;
        float distance = pointNorm + centroidNorm - 2f * dot;
        distances[rowStart + centroid] = distance > 0f ? distance : 0f;
    }
}
