using System.Runtime.CompilerServices;
using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// The GEMM-shaped heart of every tiled kernel: the dot products x_p · c_q of one block tile of points
/// (rows [pointBase, pointBase + BM)) with one block tile of centroids (rows [centroidBase, centroidBase + BN)),
/// d walked in chunks through double-buffered shared memory.
/// </summary>
/// <remarks>
/// <para>
/// Per chunk s every thread (1) loads its 4 point values and 4 centroid values of chunk s + 1 from global
/// memory into registers, (2) runs Chunk rank-1 updates of its 8 × 8 micro-tile from buffer s mod 2, each
/// 4 LDS.128 + 64 FFMA, (3) stores the registers into buffer (s + 1) mod 2, (4) passes one barrier. The
/// global loads of step (1) are in flight while step (2) computes. One barrier per chunk is enough: buffer
/// (s + 1) mod 2 was last read in step (2) of chunk s − 1, which every thread finished before that chunk's
/// barrier.
/// </para>
/// <para>
/// Staging: value e ∈ [0, 4) of thread t is flat index f = e·threads + t of the Chunk × BM tile, row
/// f / Chunk, d offset f mod Chunk, so consecutive threads read consecutive floats of a row (coalesced
/// 4·Chunk-byte runs). Rows ≥ the end and d ≥ the dimension read a valid element and stage 0 instead (a select, no
/// branch): zeros add nothing to a dot product, so odd d and partial tiles need no other code. The addresses are
/// planned once per tile (<see cref="StagePlan"/>), so a chunk costs a 32-bit add and a select per value.
/// </para>
/// </remarks>
internal static class TiledDistanceCore
{
    /// <summary>
    /// The dot-product micro-tile of thread (tp, tc) for the given point and centroid tiles. Every thread of
    /// the group must call it (it passes barriers); it leaves both staging buffers free for reuse.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MicroTile DotTile<TConfig>(
        ArrayView<float> points, int pointBase, int pointEnd,
        ArrayView<float> centroids, int centroidBase, int centroidEnd,
        int dimensions, ArrayView<float> pointStage, ArrayView<float> centroidStage,
        int thread, int tp, int tc)
        where TConfig : struct, ITileConfig
    {
        int chunk = default(TConfig).Chunk;
        int pointBuffer = TileShape.PointBuffer<TConfig>();
        int centroidBuffer = TileShape.CentroidBuffer<TConfig>();
        int chunks = (dimensions + chunk - 1) / chunk;
        // A configuration whose tile is not exactly one float4 per thread per operand (ILGPU's CPU accelerator
        // runs one-thread groups) stages through the plain loop; the test folds at compile time.
        if (!TileShape.RegisterStaged<TConfig>())
            return DotTileLooped<TConfig>(points, pointBase, pointEnd, centroids, centroidBase, centroidEnd,
                dimensions, pointStage, centroidStage, thread, tp, tc);

        // The thread's staging addresses, once per tile: the chunk loop then adds only the chunk's start.
        var pointPlan = StagePlan.For<TConfig>(points, pointBase, pointEnd, dimensions, thread);
        var centroidPlan = StagePlan.For<TConfig>(centroids, centroidBase, centroidEnd, dimensions, thread);
        Store<TConfig>(pointStage, 0, TileShape.PointStride<TConfig>(), Stage<TConfig>(pointPlan, 0), thread);
        Store<TConfig>(centroidStage, 0, TileShape.CentroidStride<TConfig>(), Stage<TConfig>(centroidPlan, 0), thread);
        Group.Barrier();

        var pointTiles = pointStage.Cast<TileFloat4>();
        var centroidTiles = centroidStage.Cast<TileFloat4>();
        var accumulators = default(MicroTile);
        for (int s = 0; s < chunks; s++)
        {
            int buffer = s & 1;
            int nextStart = (s + 1) * chunk;
            // Past the last chunk these read element 0 and stage zeros into the idle buffer: harmless, and
            // cheaper than a branch.
            var nextPoints = Stage<TConfig>(pointPlan, nextStart);
            var nextCentroids = Stage<TConfig>(centroidPlan, nextStart);

            accumulators = Compute<TConfig>(
                pointTiles, buffer * (pointBuffer / 4) + tp,
                centroidTiles, buffer * (centroidBuffer / 4) + tc,
                accumulators);

            Store<TConfig>(pointStage, (buffer ^ 1) * pointBuffer, TileShape.PointStride<TConfig>(), nextPoints, thread);
            Store<TConfig>(centroidStage, (buffer ^ 1) * centroidBuffer, TileShape.CentroidStride<TConfig>(), nextCentroids, thread);
            Group.Barrier();
        }
        return accumulators;
    }

    /// <summary>
    /// <see cref="DotTile{TConfig}"/> for configurations with any number of staged values per thread: each chunk
    /// is staged by a strided loop over the tile's BM·Chunk values straight into the idle buffer, then the
    /// current buffer computes. The same d-major layout and the same compute loop, so the dot products are the
    /// same fused sequence over d in index order as with any other configuration.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MicroTile DotTileLooped<TConfig>(
        ArrayView<float> points, int pointBase, int pointEnd,
        ArrayView<float> centroids, int centroidBase, int centroidEnd,
        int dimensions, ArrayView<float> pointStage, ArrayView<float> centroidStage,
        int thread, int tp, int tc)
        where TConfig : struct, ITileConfig
    {
        int chunk = default(TConfig).Chunk;
        int pointBuffer = TileShape.PointBuffer<TConfig>();
        int centroidBuffer = TileShape.CentroidBuffer<TConfig>();
        int chunks = (dimensions + chunk - 1) / chunk;
        StageLooped<TConfig>(points, pointBase, pointEnd, dimensions, 0, pointStage, 0, TileShape.PointStride<TConfig>(), thread);
        StageLooped<TConfig>(centroids, centroidBase, centroidEnd, dimensions, 0, centroidStage, 0, TileShape.CentroidStride<TConfig>(), thread);
        Group.Barrier();

        var pointTiles = pointStage.Cast<TileFloat4>();
        var centroidTiles = centroidStage.Cast<TileFloat4>();
        var accumulators = default(MicroTile);
        for (int s = 0; s < chunks; s++)
        {
            int buffer = s & 1;
            if (s + 1 < chunks)
            {
                // The idle buffer was last read before the previous barrier: safe to overwrite now.
                StageLooped<TConfig>(points, pointBase, pointEnd, dimensions, (s + 1) * chunk,
                    pointStage, (buffer ^ 1) * pointBuffer, TileShape.PointStride<TConfig>(), thread);
                StageLooped<TConfig>(centroids, centroidBase, centroidEnd, dimensions, (s + 1) * chunk,
                    centroidStage, (buffer ^ 1) * centroidBuffer, TileShape.CentroidStride<TConfig>(), thread);
            }
            accumulators = Compute<TConfig>(
                pointTiles, buffer * (pointBuffer / 4) + tp,
                centroidTiles, buffer * (centroidBuffer / 4) + tc,
                accumulators);
            Group.Barrier();
        }
        return accumulators;
    }

    /// <summary>Stages the Chunk × BM tile starting at d = <paramref name="chunkStart"/>, d-major, zeros outside the data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StageLooped<TConfig>(
        ArrayView<float> rows, int rowBase, int rowEnd, int dimensions, int chunkStart,
        ArrayView<float> stage, int bufferStart, int stride, int thread)
        where TConfig : struct, ITileConfig
    {
        int chunk = default(TConfig).Chunk;
        int values = chunk * TileShape.BlockPoints<TConfig>();
        for (int f = thread; f < values; f += TileShape.Threads<TConfig>())
        {
            int row = f / chunk;
            int column = f - row * chunk;
            bool inside = chunkStart + column < dimensions & rowBase + row < rowEnd;
            stage[bufferStart + column * stride + row] = StageOne(rows, inside, (long)(rowBase + row) * dimensions + chunkStart + column);
        }
    }

    /// <summary>
    /// Chunk rank-1 updates from one staged buffer: at d offset j the thread's point operand is float4
    /// number <paramref name="pointOffset"/> of row j and the one BM/8 float4 further on, its centroid
    /// operand likewise; 4 LDS.128 then 64 FFMA.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MicroTile Compute<TConfig>(
        ArrayView<TileFloat4> pointTiles, int pointOffset,
        ArrayView<TileFloat4> centroidTiles, int centroidOffset,
        MicroTile accumulators)
        where TConfig : struct, ITileConfig
    {
        int chunk = default(TConfig).Chunk;
        int pointStride = TileShape.PointStride<TConfig>() / 4;
        int centroidStride = TileShape.CentroidStride<TConfig>() / 4;
        int pointHalf = TileShape.BlockPoints<TConfig>() / 8;
        int centroidHalf = TileShape.BlockCentroids<TConfig>() / 8;
        // Two d offsets per iteration (Chunk is even): ILGPU does not unroll and ptxas keeps this loop rolled,
        // so the pair halves the loop overhead against 128 FFMA.
        // One sub-view per operand a step and constant indices within it: ptxas folds the constants into the
        // LDS.128's immediate offset instead of an address computation per load. (A view carried across
        // iterations would become a loop phi, which ILGPU demotes to the generic address space: LD, not LDS.)
        for (int j = 0; j < chunk; j += 2)
        {
            var pointRow = pointTiles.SubView(pointOffset + j * pointStride);
            var centroidRow = centroidTiles.SubView(centroidOffset + j * centroidStride);
            var a = new Vec8(pointRow[0], pointRow[pointHalf]);
            var b = new Vec8(centroidRow[0], centroidRow[centroidHalf]);
            var a1 = new Vec8(pointRow[pointStride], pointRow[pointStride + pointHalf]);
            var b1 = new Vec8(centroidRow[centroidStride], centroidRow[centroidStride + centroidHalf]);
            accumulators = accumulators.AddOuterProduct(a, b).AddOuterProduct(a1, b1);
        }
        return accumulators;
    }

    /// <summary>The 4 values of one operand a thread stages of the chunk starting at <paramref name="chunkStart"/>.</summary>
    /// <remarks>
    /// Flat index f = e·threads + t has d offset t mod Chunk for every e (Chunk divides threads) and row
    /// t / Chunk + e·threads / Chunk, so one column test and one base address serve all four: value e is element
    /// chunkStart + e·RowStep·d of <see cref="StagePlan.Base"/>, a 32-bit offset from a 64-bit base fixed per tile.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TileFloat4 Stage<TConfig>(StagePlan plan, int chunkStart)
        where TConfig : struct, ITileConfig
    {
        int rowStep = TileShape.Threads<TConfig>() / default(TConfig).Chunk;
        bool columnInside = chunkStart < plan.ColumnsLeft;
        return new TileFloat4(
            StageAt(plan.Base, columnInside & 0 < plan.RowsLeft, chunkStart),
            StageAt(plan.Base, columnInside & rowStep < plan.RowsLeft, chunkStart + plan.Step),
            StageAt(plan.Base, columnInside & 2 * rowStep < plan.RowsLeft, chunkStart + 2 * plan.Step),
            StageAt(plan.Base, columnInside & 3 * rowStep < plan.RowsLeft, chunkStart + 3 * plan.Step));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float StageAt(ArrayView<float> rows, bool inside, int index)
    {
        // Out-of-range elements read the base element (always valid), so the load needs no branch.
        float value = rows[inside ? index : 0];
        return inside ? value : 0f;
    }

    /// <summary>
    /// Where one thread stages one operand from, fixed for a whole tile: the register-staged path's per-chunk
    /// addressing reduces to a 32-bit offset from <see cref="Base"/> and two compares against loop-invariant counts.
    /// </summary>
    private readonly struct StagePlan
    {
        /// <summary>
        /// The thread's first value (its first row, d offset t mod Chunk); when that row or offset lies outside the
        /// data (then every value the thread stages does), the operand's first row instead, so element 0 is valid.
        /// </summary>
        public readonly ArrayView<float> Base;

        /// <summary>RowStep·d: elements between the thread's consecutive staged rows (&lt; 2^31 while 97·d is).</summary>
        public readonly int Step;

        /// <summary>Rows from the thread's first to the end: value e is inside while e·RowStep &lt; RowsLeft.</summary>
        public readonly int RowsLeft;

        /// <summary>d − (t mod Chunk): a chunk starting at s is inside while s &lt; ColumnsLeft.</summary>
        public readonly int ColumnsLeft;

        private StagePlan(ArrayView<float> baseView, int step, int rowsLeft, int columnsLeft)
        {
            Base = baseView;
            Step = step;
            RowsLeft = rowsLeft;
            ColumnsLeft = columnsLeft;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static StagePlan For<TConfig>(ArrayView<float> rows, int rowBase, int rowEnd, int dimensions, int thread)
            where TConfig : struct, ITileConfig
        {
            int chunk = default(TConfig).Chunk;
            int rowStep = TileShape.Threads<TConfig>() / chunk;
            int row = rowBase + thread / chunk;
            int column = thread & (chunk - 1);
            // rowBase < rowEnd for every launched group, so the fallback row is always a real one.
            bool valid = row < rowEnd & column < dimensions;
            long start = valid ? (long)row * dimensions + column : (long)rowBase * dimensions;
            return new StagePlan(rows.SubView(start), rowStep * dimensions, rowEnd - row, dimensions - column);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float StageOne(ArrayView<float> rows, bool inside, long index)
    {
        // Out-of-range elements read the (always valid) element 0, so the load needs no branch.
        float value = rows[inside ? index : 0L];
        return inside ? value : 0f;
    }

    /// <summary>Writes staged values d-major: element f goes to [f mod Chunk][f / Chunk] of the buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TConfig>(ArrayView<float> stage, int bufferStart, int stride, TileFloat4 values, int thread)
        where TConfig : struct, ITileConfig
    {
        int chunk = default(TConfig).Chunk;
        int rowStep = TileShape.Threads<TConfig>() / chunk;
        // One sub-view and constant indices: ptxas folds e·RowStep into the STS's immediate offset.
        var at = stage.SubView(bufferStart + (thread & (chunk - 1)) * stride + thread / chunk);
        at[0] = values.X;
        at[rowStep] = values.Y;
        at[2 * rowStep] = values.Z;
        at[3 * rowStep] = values.W;
    }

    /// <summary>
    /// The norms of a thread's 8 columns (lowIndex … lowIndex + 3, highIndex … highIndex + 3); +∞ past
    /// <paramref name="count"/>, so an out-of-range centroid never wins an argmin.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec8 Norms(ArrayView<float> norms, int lowIndex, int highIndex, int count) => new(
        Norm(norms, lowIndex, count), Norm(norms, lowIndex + 1, count), Norm(norms, lowIndex + 2, count), Norm(norms, lowIndex + 3, count),
        Norm(norms, highIndex, count), Norm(norms, highIndex + 1, count), Norm(norms, highIndex + 2, count), Norm(norms, highIndex + 3, count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Norm(ArrayView<float> norms, int index, int count)
    {
        float value = norms[index < count ? index : 0];
        return index < count ? value : float.PositiveInfinity;
    }
}
