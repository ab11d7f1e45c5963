using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// First step of one LSD radix pass over the labels: the digit histogram of every sort tile. Tile b holds
/// the B = G·R consecutive positions [b·B, (b+1)·B) of the pass's input order; its key at position p is
/// <c>labels[src(p)]</c> with src(p) = p in the first pass and <c>permIn[p]</c> afterwards, and its digit is
/// <c>(key &gt;&gt; shift) &amp; 255</c>. The counts are written digit-major, tile-minor —
/// <c>counts[δ·tiles + b]</c> — so that an exclusive scan of the array in memory order gives, for every
/// (δ, b), the number of keys that precede tile b's first δ in the stable output order: all keys of smaller
/// digits plus the δs of earlier tiles.
/// </summary>
internal static class LabelHistogramKernel
{
    /// <summary>
    /// One group per tile (grid = tiles, group = G). Counts in shared memory with integer atomics: a sum of
    /// ones is exact whatever the order, so the counts are deterministic.
    /// </summary>
    /// <param name="labels">Cluster label of every point, in [0, k).</param>
    /// <param name="permIn">The previous pass's permutation (ignored when <paramref name="firstPass"/> ≠ 0).</param>
    /// <param name="counts">Output: 256 × tiles counts, digit-major.</param>
    /// <param name="n">Number of points.</param>
    /// <param name="tiles">Number of tiles, ⌈n / B⌉.</param>
    /// <param name="shift">Bit offset of this pass's digit, 8·pass.</param>
    /// <param name="firstPass">1 for the first pass (identity input order), 0 afterwards.</param>
    public static void Run<TConfig>(
        ArrayView<int> labels, ArrayView<int> permIn, ArrayView<int> counts,
        int n, int tiles, int shift, int firstPass)
        where TConfig : struct, IReductionConfig
    {
        var histogram = SharedMemory.Allocate<int>(ReductionLayout.DigitCount);
        int t = Group.IdxX;
        int groupSize = default(TConfig).GroupSize;
        int tile = Grid.IdxX;
        for (int digit = t; digit < ReductionLayout.DigitCount; digit += groupSize)
            histogram[digit] = 0;
        Group.Barrier();

        long first = (long)tile * default(TConfig).TileSize;
        for (int round = 0; round < default(TConfig).Rounds; round++)
        {
            long p = first + (long)round * groupSize + t;
            if (p < n)
            {
                int src = firstPass != 0 ? (int)p : permIn[p];
                int digit = (labels[src] >> shift) & (ReductionLayout.DigitCount - 1);
                Atomic.Add(ref histogram[digit], 1);
            }
        }
        Group.Barrier();

        for (int digit = t; digit < ReductionLayout.DigitCount; digit += groupSize)
            counts[(long)digit * tiles + tile] = histogram[digit];
    }
}
