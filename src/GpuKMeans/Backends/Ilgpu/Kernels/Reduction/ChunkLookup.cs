using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>Finds the cluster a chunk belongs to from the k + 1 chunk offsets of <see cref="ChunkOffsetsKernel"/>.</summary>
internal static class ChunkLookup
{
    /// <summary>
    /// The largest c ∈ [0, k) with starts[c] ≤ q, for 0 ≤ q &lt; starts[k]: the cluster whose chunk range
    /// [starts[c], starts[c+1]) holds q (empty clusters have empty ranges and are skipped). Binary search,
    /// ⌈log₂ k⌉ reads; the threads of one chunk read the same entries.
    /// </summary>
    public static int ClusterOf(ArrayView<int> starts, int k, long q)
    {
        int low = 0;
        int high = k;
        while (high - low > 1)
        {
            int middle = (low + high) >> 1;
            if (starts[middle] <= q)
                low = middle;
            else
                high = middle;
        }
        return low;
    }
}
