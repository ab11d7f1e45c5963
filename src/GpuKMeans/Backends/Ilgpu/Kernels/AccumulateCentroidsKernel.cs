using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>
/// Per-block partial sums of the centroid update, without atomics: thread (j, block) owns column j of its
/// block's partial sums and walks the block's points in index order, so every partial is a fixed sequence
/// of double additions and the result never depends on thread timing.
/// </summary>
internal static class AccumulateCentroidsKernel
{
    /// <summary>
    /// Index (j, block), j ∈ [0, d]: j &lt; d sums <c>wᵢ·xᵢⱼ</c> per cluster into
    /// <c>partialSums[block, label, j]</c>; j = d sums the weights per cluster, the block's inertia
    /// <c>Σ wᵢ·distᵢ</c> and its count of labels that differ from <paramref name="previousLabels"/>.
    /// </summary>
    public static void Run(
        Index2D index,
        ArrayView<float> points, ArrayView<float> weights,
        ArrayView<int> labels, ArrayView<int> previousLabels, ArrayView<float> minDistances,
        ArrayView<double> partialSums, ArrayView<double> partialWeights,
        ArrayView<double> partialInertia, ArrayView<int> partialChanges,
        ReductionShape shape)
    {
        int j = index.X;
        int block = index.Y;
        int d = shape.Dimensions;
        int k = shape.ClusterCount;
        int first = block * shape.BlockSize;
        int end = Math.Min(shape.PointCount, first + shape.BlockSize);
        long blockBase = (long)block * k;

        if (j < d)
        {
            for (int c = 0; c < k; c++)
                partialSums[(blockBase + c) * d + j] = 0.0;
            for (int i = first; i < end; i++)
            {
                long cell = (blockBase + labels[i]) * d + j;
                partialSums[cell] += (double)weights[i] * points[(long)i * d + j];
            }
        }
        else
        {
            for (int c = 0; c < k; c++)
                partialWeights[blockBase + c] = 0.0;
            double inertia = 0.0;
            int changes = 0;
            for (int i = first; i < end; i++)
            {
                int label = labels[i];
                double w = weights[i];
                partialWeights[blockBase + label] += w;
                inertia += w * minDistances[i];
                if (label != previousLabels[i])
                    changes++;
            }
            partialInertia[block] = inertia;
            partialChanges[block] = changes;
        }
    }
}
