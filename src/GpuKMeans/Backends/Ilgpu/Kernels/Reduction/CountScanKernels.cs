using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// Exclusive prefix sum of an int array (the digit-major tile histograms) in three launches, shuffle-free:
/// <list type="number">
/// <item><see cref="TileTotals{TConfig}"/>: the sum of each scan tile of L = G·<see cref="IReductionConfig.ScanItems"/> counts;</item>
/// <item><see cref="ScanTotals{TConfig}"/>: one group turns those sums into exclusive tile offsets, G at a time with a carry;</item>
/// <item><see cref="ApplyTiles{TConfig}"/>: each tile scans its counts in shared memory and adds its offset.</item>
/// </list>
/// out[i] = Σ_{i' &lt; i} counts[i']. Integer sums are exact, so the result is independent of the grouping.
/// </summary>
internal static class CountScanKernels
{
    /// <summary>
    /// Grid = scan tiles, group = G: <c>totals[b]</c> = Σ counts[b·L .. (b+1)·L) (zero past <paramref name="length"/>).
    /// </summary>
    /// <param name="counts">The array to scan.</param>
    /// <param name="totals">Output: one sum per scan tile.</param>
    /// <param name="length">Elements of <paramref name="counts"/> to scan.</param>
    public static void TileTotals<TConfig>(ArrayView<int> counts, ArrayView<int> totals, int length)
        where TConfig : struct, IReductionConfig
    {
        var scratch = SharedMemory.Allocate<int>(default(TConfig).GroupSize);
        int t = Group.IdxX;
        int groupSize = default(TConfig).GroupSize;
        long first = (long)Grid.IdxX * default(TConfig).ScanTileLength;
        int sum = 0;
        for (int e = 0; e < default(TConfig).ScanItems; e++)
        {
            long i = first + (long)e * groupSize + t;
            if (i < length)
                sum += counts[i];
        }
        GroupScan.Inclusive(scratch, sum);
        if (t == 0)
            totals[Grid.IdxX] = scratch[groupSize - 1];
    }

    /// <summary>
    /// A single group of G threads: replaces <c>totals[0..tiles)</c> by its exclusive prefix sum, in
    /// ⌈tiles / G⌉ steps of one group scan each, carrying the running total.
    /// </summary>
    /// <param name="totals">In: per-tile sums; out: per-tile exclusive offsets.</param>
    /// <param name="tiles">Number of scan tiles.</param>
    public static void ScanTotals<TConfig>(ArrayView<int> totals, int tiles)
        where TConfig : struct, IReductionConfig
    {
        var scratch = SharedMemory.Allocate<int>(default(TConfig).GroupSize);
        int t = Group.IdxX;
        int groupSize = default(TConfig).GroupSize;
        int carry = 0;
        for (int start = 0; start < tiles; start += groupSize)
        {
            int i = start + t;
            int value = i < tiles ? totals[i] : 0;
            int inclusive = GroupScan.Inclusive(scratch, value);
            if (i < tiles)
                totals[i] = carry + inclusive - value;
            carry += scratch[groupSize - 1];
            Group.Barrier();
        }
    }

    /// <summary>
    /// Grid = scan tiles, group = G. The tile's L counts are staged in shared memory (coalesced), thread t
    /// scans its <see cref="IReductionConfig.ScanItems"/> consecutive counts sequentially, a group scan of
    /// the per-thread sums gives each thread's start, and
    /// <c>offsets[i] = tileOffsets[b] + Σ counts[b·L .. i)</c> is stored back coalesced.
    /// </summary>
    /// <param name="counts">The array to scan.</param>
    /// <param name="tileOffsets">Exclusive per-tile offsets from <see cref="ScanTotals{TConfig}"/>.</param>
    /// <param name="offsets">Output: the exclusive prefix sum of <paramref name="counts"/>.</param>
    /// <param name="length">Elements to scan.</param>
    public static void ApplyTiles<TConfig>(
        ArrayView<int> counts, ArrayView<int> tileOffsets, ArrayView<int> offsets, int length)
        where TConfig : struct, IReductionConfig
    {
        var tile = SharedMemory.Allocate<int>(default(TConfig).ScanTileLength);
        var scratch = SharedMemory.Allocate<int>(default(TConfig).GroupSize);
        int t = Group.IdxX;
        int groupSize = default(TConfig).GroupSize;
        int items = default(TConfig).ScanItems;
        long first = (long)Grid.IdxX * default(TConfig).ScanTileLength;
        for (int e = 0; e < items; e++)
        {
            int local = e * groupSize + t;
            long i = first + local;
            tile[local] = i < length ? counts[i] : 0;
        }
        Group.Barrier();

        int sum = 0;
        for (int e = 0; e < items; e++)
            sum += tile[t * items + e];
        int running = tileOffsets[Grid.IdxX] + GroupScan.Inclusive(scratch, sum) - sum;
        for (int e = 0; e < items; e++)
        {
            int value = tile[t * items + e];
            tile[t * items + e] = running;
            running += value;
        }
        Group.Barrier();

        for (int e = 0; e < items; e++)
        {
            int local = e * groupSize + t;
            long i = first + local;
            if (i < length)
                offsets[i] = tile[local];
        }
    }
}
