using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>The point × centroid squared-distance matrix, for <c>Transform</c> and the kernel tests.</summary>
internal static class DistanceMatrixKernel
{
    /// <summary>
    /// One thread per (centroid, row of the chunk): <c>distances[row, c]</c> for points
    /// <c>firstRow + row</c>, row-major with <paramref name="clusterCount"/> columns.
    /// </summary>
    public static void Run(
        Index2D index,
        ArrayView<float> points, ArrayView<float> pointNorms,
        ArrayView<float> centroids, ArrayView<float> centroidNorms,
        ArrayView<float> distances,
        int firstRow, int dimensions, int clusterCount)
    {
        int c = index.X;
        int point = firstRow + index.Y;
        distances[(long)index.Y * clusterCount + c] = DistanceMath.SquaredDistance(
            points, (long)point * dimensions, pointNorms[point],
            centroids, (long)c * dimensions, centroidNorms[c],
            dimensions);
    }
}
