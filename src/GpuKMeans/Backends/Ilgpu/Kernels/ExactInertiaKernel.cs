using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>
/// The reported inertia without the expanded form: one thread per fixed block of points sums
/// <c>wᵢ · Σⱼ (xᵢⱼ − c_labelᵢ,ⱼ)²</c> in double, in index order, so the blocks' partials (added in block order on
/// the host) give the same bits on every run. One pass over the data, once per fit.
/// </summary>
internal static class ExactInertiaKernel
{
    /// <summary>Index = block: <c>partials[block] = Σ_{i ∈ block} wᵢ ‖xᵢ − c_labelᵢ‖²</c>.</summary>
    public static void Run(
        Index1D block,
        ArrayView<float> points, ArrayView<float> weights, ArrayView<int> labels, ArrayView<float> centroids,
        ArrayView<double> partials, int pointCount, int dimensions, int blockSize)
    {
        int first = block * blockSize;
        int end = Math.Min(pointCount, first + blockSize);
        double sum = 0.0;
        for (int i = first; i < end; i++)
        {
            long row = (long)i * dimensions;
            long centroid = (long)labels[i] * dimensions;
            double squared = 0.0;
            for (int j = 0; j < dimensions; j++)
            {
                double delta = (double)points[row + j] - centroids[centroid + j];
                squared += delta * delta;
            }
            sum += weights[i] * squared;
        }
        partials[block] = sum;
    }
}
