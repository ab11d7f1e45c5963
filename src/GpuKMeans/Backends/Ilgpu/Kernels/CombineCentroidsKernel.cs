using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>Adds the per-block partials of <see cref="AccumulateCentroidsKernel"/> in block order.</summary>
internal static class CombineCentroidsKernel
{
    /// <summary>
    /// Index (j, c), j ∈ [0, d], c ∈ [0, k]: for c &lt; k, j &lt; d the sum of column j of cluster c, j = d the
    /// cluster's weight; for c = k, j = 0 the inertia and j = 1 the label-change count. Output layout:
    /// k·d sums, k weights, inertia, changes.
    /// </summary>
    public static void Run(
        Index2D index,
        ArrayView<double> partialSums, ArrayView<double> partialWeights,
        ArrayView<double> partialInertia, ArrayView<int> partialChanges,
        ArrayView<double> output,
        ReductionShape shape)
    {
        int j = index.X;
        int c = index.Y;
        int d = shape.Dimensions;
        int k = shape.ClusterCount;
        int blocks = shape.BlockCount;
        double sum = 0.0;
        if (c < k)
        {
            if (j < d)
            {
                for (int b = 0; b < blocks; b++)
                    sum += partialSums[((long)b * k + c) * d + j];
                output[(long)c * d + j] = sum;
            }
            else
            {
                for (int b = 0; b < blocks; b++)
                    sum += partialWeights[(long)b * k + c];
                output[(long)k * d + c] = sum;
            }
        }
        else if (j == 0)
        {
            for (int b = 0; b < blocks; b++)
                sum += partialInertia[b];
            output[(long)k * d + k] = sum;
        }
        else if (j == 1)
        {
            for (int b = 0; b < blocks; b++)
                sum += partialChanges[b];
            output[(long)k * d + k + 1] = sum;
        }
    }
}
