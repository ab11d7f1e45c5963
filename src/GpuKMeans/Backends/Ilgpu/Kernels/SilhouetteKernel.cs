using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>
/// The device part of the silhouette score: for each sampled row, the sums of its Euclidean distances to
/// the other sampled rows, per label of the sampled row. One thread per sampled row owns its output row, so there are no
/// races; each sum is in double, in sample order, so the result is reproducible.
/// </summary>
internal static class SilhouetteKernel
{
    /// <summary>
    /// One thread per sampled row t: <c>sums[t · k + sampleLabels[u]] += √‖x_rows[t] − x_rows[u]‖²</c>
    /// over every u ≠ t of the sample, in u order.
    /// </summary>
    public static void Run(
        Index1D sample,
        ArrayView<float> points, ArrayView<float> pointNorms, ArrayView<int> sampleLabels,
        ArrayView<int> rows, ArrayView<double> sums,
        int sampleCount, int dimensions, int clusterCount)
    {
        int t = sample.X;
        long outStart = (long)t * clusterCount;
        for (int c = 0; c < clusterCount; c++)
            sums[outStart + c] = 0.0;
        int row = rows[t];
        long rowStart = (long)row * dimensions;
        float rowNorm = pointNorms[row];
        for (int u = 0; u < sampleCount; u++)
        {
            if (u == t)
                continue;
            int other = rows[u];
            float distance = DistanceMath.SquaredDistance(
                points, rowStart, rowNorm, points, (long)other * dimensions, pointNorms[other], dimensions);
            sums[outStart + sampleLabels[u]] += Math.Sqrt((double)distance);
        }
    }
}
