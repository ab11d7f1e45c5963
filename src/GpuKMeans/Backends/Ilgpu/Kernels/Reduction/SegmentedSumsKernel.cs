using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// Level 1 of the fixed-order segmented sums. Level-1 chunk q of cluster c covers sorted positions
/// [segments[c] + r·C, min(segments[c] + (r+1)·C, segments[c+1])) with r = q − chunkStarts[c]. For every
/// chunk and column j ∈ [0, d + 3) one thread adds, in position order, starting from 0.0:
/// <list type="bullet">
/// <item>j &lt; d: (double)wᵢ · (double)xᵢⱼ (exact: a float product fits a double);</item>
/// <item>j = d: wᵢ; j = d + 1: (double)wᵢ · minDistᵢ; j = d + 2: 1 if labels[i] ≠ previousLabels[i], else 0;</item>
/// </list>
/// with i = permutation[position], and stores it at <c>partials[q·(d+3) + j]</c>. The flat thread index is
/// q·(d+3) + j, so the threads of a warp read consecutive columns of the same row (coalesced) and several
/// chunks at once when d is small. The sum order is a function of the labels only.
/// </summary>
internal static class SegmentedSumsKernel
{
    /// <summary>Grid-stride over (chunk, column) up to <paramref name="maxChunks"/>·(d+3); chunks past the total stop.</summary>
    /// <param name="points">n × d row-major coordinates.</param>
    /// <param name="weights">n sample weights.</param>
    /// <param name="labels">n labels in [0, k).</param>
    /// <param name="previousLabels">n labels of the previous iteration (any int).</param>
    /// <param name="minDistances">n squared distances to the assigned centroid.</param>
    /// <param name="permutation">Point indices sorted by label (stable).</param>
    /// <param name="segments">k + 1 segment offsets.</param>
    /// <param name="chunkStarts">k + 1 level-1 chunk offsets (the last is the number of chunks).</param>
    /// <param name="partials">Output: chunks × (d + 3) partial sums.</param>
    /// <param name="k">Number of clusters.</param>
    /// <param name="d">Dimensions.</param>
    /// <param name="maxChunks">Chunk capacity the grid covers (≥ chunkStarts[k]).</param>
    public static void Run<TConfig>(
        ArrayView<float> points, ArrayView<float> weights, ArrayView<int> labels, ArrayView<int> previousLabels,
        ArrayView<float> minDistances, ArrayView<int> permutation, ArrayView<int> segments, ArrayView<int> chunkStarts,
        ArrayView<double> partials, int k, int d, int maxChunks)
        where TConfig : struct, IReductionConfig
    {
        int width = d + ReductionLayout.ExtraColumns;
        int chunkCount = chunkStarts[k];
        long total = (long)maxChunks * width;
        long stride = (long)Grid.DimX * default(TConfig).GroupSize;
        for (long g = Grid.GlobalIndex.X; g < total; g += stride)
        {
            long q = g / width;
            int j = (int)(g - q * width);
            if (q >= chunkCount)
                break;
            int c = ChunkLookup.ClusterOf(chunkStarts, k, q);
            long begin = segments[c] + (q - chunkStarts[c]) * ReductionLayout.ChunkSize;
            long end = Math.Min(begin + ReductionLayout.ChunkSize, segments[c + 1]);
            double sum = 0.0;
            if (j < d)
            {
                for (long p = begin; p < end; p++)
                {
                    int i = permutation[p];
                    sum += (double)weights[i] * points[(long)i * d + j];
                }
            }
            else if (j == d)
            {
                for (long p = begin; p < end; p++)
                    sum += weights[permutation[p]];
            }
            else if (j == d + 1)
            {
                for (long p = begin; p < end; p++)
                {
                    int i = permutation[p];
                    sum += (double)weights[i] * minDistances[i];
                }
            }
            else
            {
                for (long p = begin; p < end; p++)
                {
                    int i = permutation[p];
                    if (labels[i] != previousLabels[i])
                        sum += 1.0;
                }
            }
            partials[g] = sum;
        }
    }
}
