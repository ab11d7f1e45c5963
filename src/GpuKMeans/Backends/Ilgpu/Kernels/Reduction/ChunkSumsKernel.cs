using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// Level 2 of the fixed-order segmented sums: level-2 chunk s of cluster c adds, in chunk order, the
/// level-1 rows chunkStarts[c] + r·F .. min(chunkStarts[c] + (r+1)·F, chunkStarts[c+1]) − 1 with
/// r = s − superStarts[c] (F = <see cref="ReductionLayout.FanIn"/>), column by column:
/// <c>superPartials[s·w + j] = Σ partials[q·w + j]</c>. This bounds the serial work of the final combine
/// to ⌈s_c / (C·F)⌉ additions per cluster, so a large cluster does not serialise the reduction.
/// </summary>
internal static class ChunkSumsKernel
{
    /// <summary>Grid-stride over (level-2 chunk, column) up to <paramref name="maxSupers"/>·w.</summary>
    /// <param name="partials">Level-1 rows of width <paramref name="width"/>.</param>
    /// <param name="chunkStarts">k + 1 level-1 chunk offsets.</param>
    /// <param name="superStarts">k + 1 level-2 chunk offsets (the last is the number of level-2 chunks).</param>
    /// <param name="superPartials">Output: level-2 rows of width <paramref name="width"/>.</param>
    /// <param name="k">Number of clusters.</param>
    /// <param name="width">Columns per row, d + 3.</param>
    /// <param name="maxSupers">Level-2 capacity the grid covers.</param>
    public static void Run<TConfig>(
        ArrayView<double> partials, ArrayView<int> chunkStarts, ArrayView<int> superStarts,
        ArrayView<double> superPartials, int k, int width, int maxSupers)
        where TConfig : struct, IReductionConfig
    {
        int superCount = superStarts[k];
        long total = (long)maxSupers * width;
        long stride = (long)Grid.DimX * default(TConfig).GroupSize;
        for (long g = Grid.GlobalIndex.X; g < total; g += stride)
        {
            long s = g / width;
            int j = (int)(g - s * width);
            if (s >= superCount)
                break;
            int c = ChunkLookup.ClusterOf(superStarts, k, s);
            long begin = chunkStarts[c] + (s - superStarts[c]) * ReductionLayout.FanIn;
            long end = Math.Min(begin + ReductionLayout.FanIn, chunkStarts[c + 1]);
            double sum = 0.0;
            for (long q = begin; q < end; q++)
                sum += partials[q * width + j];
            superPartials[g] = sum;
        }
    }
}
