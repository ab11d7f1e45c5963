using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// Cluster segment offsets of the label-sorted permutation: <c>segments[c]</c> = #{i : labels[i] &lt; c}
/// for c ∈ [0, k], so cluster c occupies sorted positions [segments[c], segments[c+1]). Position p with label
/// L and predecessor label P (−1 at p = 0) writes <c>segments[c] = p</c> for every c ∈ (P, L]; the last
/// position also writes n for c ∈ (L, k]. Each entry is written by exactly one thread (empty clusters
/// included), so the offsets need no scan and no atomics. Requires n ≥ 1.
/// </summary>
internal static class SegmentBoundsKernel
{
    /// <summary>Grid-stride over sorted positions, any grid and group size.</summary>
    /// <param name="labels">Cluster label of every point.</param>
    /// <param name="permutation">Point indices sorted by label (stable).</param>
    /// <param name="segments">Output: k + 1 offsets.</param>
    /// <param name="n">Number of points (≥ 1).</param>
    /// <param name="k">Number of clusters.</param>
    public static void Run<TConfig>(ArrayView<int> labels, ArrayView<int> permutation, ArrayView<int> segments, int n, int k)
        where TConfig : struct, IReductionConfig
    {
        long stride = (long)Grid.DimX * default(TConfig).GroupSize;
        for (long p = Grid.GlobalIndex.X; p < n; p += stride)
        {
            int label = labels[permutation[p]];
            int previous = p == 0 ? -1 : labels[permutation[p - 1]];
            for (int c = previous + 1; c <= label; c++)
                segments[c] = (int)p;
            if (p == n - 1)
            {
                for (int c = label + 1; c <= k; c++)
                    segments[c] = n;
            }
        }
    }
}
