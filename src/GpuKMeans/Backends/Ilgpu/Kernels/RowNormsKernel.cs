using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>‖row‖² of every row of a row-major matrix (points once per upload, centroids once per iteration).</summary>
internal static class RowNormsKernel
{
    /// <summary>One thread per row: <c>norms[row] = Σⱼ rows[row, j]²</c>, summed in column order.</summary>
    public static void Run(Index1D row, ArrayView<float> rows, ArrayView<float> norms, int dimensions)
    {
        long start = (long)row.X * dimensions;
        float sum = 0f;
        for (int j = 0; j < dimensions; j++)
        {
            float v = rows[start + j];
            sum += v * v;
        }
        norms[row] = sum;
    }
}
