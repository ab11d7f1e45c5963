using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// Final level of the segmented sums: <c>output[c·w + j]</c> = Σ over cluster c's level-2 rows, in order,
/// of column j (0.0 for an empty cluster). Output row c holds the cluster's d coordinate sums, its weight,
/// its inertia and its changed-label count (see <see cref="ReductionLayout"/>).
/// </summary>
internal static class CombineChunksKernel
{
    /// <summary>Grid-stride over (cluster, column), k·w threads.</summary>
    /// <param name="superPartials">Level-2 rows of width <paramref name="width"/>.</param>
    /// <param name="superStarts">k + 1 level-2 chunk offsets.</param>
    /// <param name="output">Output: k rows of width <paramref name="width"/>.</param>
    /// <param name="k">Number of clusters.</param>
    /// <param name="width">Columns per row, d + 3.</param>
    public static void Run<TConfig>(
        ArrayView<double> superPartials, ArrayView<int> superStarts, ArrayView<double> output, int k, int width)
        where TConfig : struct, IReductionConfig
    {
        long total = (long)k * width;
        long stride = (long)Grid.DimX * default(TConfig).GroupSize;
        for (long g = Grid.GlobalIndex.X; g < total; g += stride)
        {
            long c = g / width;
            int j = (int)(g - c * width);
            double sum = 0.0;
            for (long s = superStarts[(int)c]; s < superStarts[(int)c + 1]; s++)
                sum += superPartials[s * width + j];
            output[g] = sum;
        }
    }
}
