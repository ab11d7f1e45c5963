using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>The fused assignment: nearest centroid and its distance, without materialising the n × k matrix.</summary>
internal static class AssignLabelsKernel
{
    /// <summary>
    /// One thread per point: scans the centroids in index order and keeps the first strictly smaller
    /// distance, so ties go to the lowest centroid index on every backend.
    /// </summary>
    public static void Run(
        Index1D point,
        ArrayView<float> points, ArrayView<float> pointNorms,
        ArrayView<float> centroids, ArrayView<float> centroidNorms,
        ArrayView<int> labels, ArrayView<float> minDistances,
        int dimensions, int clusterCount)
    {
        long start = (long)point.X * dimensions;
        float norm = pointNorms[point];
        float best = float.PositiveInfinity;
        int bestCluster = 0;
        for (int c = 0; c < clusterCount; c++)
        {
            float distance = DistanceMath.SquaredDistance(
                points, start, norm, centroids, (long)c * dimensions, centroidNorms[c], dimensions);
            if (distance < best)
            {
                best = distance;
                bestCluster = c;
            }
        }
        labels[point] = bestCluster;
        minDistances[point] = best;
    }
}
