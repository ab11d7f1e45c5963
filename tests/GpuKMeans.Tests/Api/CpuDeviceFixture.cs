using GpuKMeans;

namespace GpuKMeans.Tests.Api;

/// <summary>One ILGPU CPU device shared by every test of a class (creating one costs about a second and kernels compile per device).</summary>
public sealed class CpuDeviceFixture : IDisposable
{
    public KMeansDevice Device { get; } = KMeansDevice.Create(KMeansBackend.Cpu);

    public void Dispose() => Device.Dispose();
}

/// <summary>Tiny data sets for the API tests (the CPU accelerator is slow: keep n ≤ 200).</summary>
internal static class ApiData
{
    /// <summary>scikit-learn's KMeans example: two columns of three points, k = 2 gives centroids (1, 2) and (10, 2), inertia 16.</summary>
    public static float[] SixPoints => [1, 2, 1, 4, 1, 0, 10, 2, 10, 4, 10, 0];

    /// <summary>The same six points as a [row, column] array.</summary>
    public static float[,] SixPointsMatrix => new float[,] { { 1, 2 }, { 1, 4 }, { 1, 0 }, { 10, 2 }, { 10, 4 }, { 10, 0 } };

    /// <summary>Three well-separated 2-D blobs of <paramref name="perBlob"/> points each, row-major, interleaved.</summary>
    public static float[] Blobs(int perBlob, int seed)
    {
        var rng = new Random(seed);
        float[] centres = [0, 0, 6, 6, -6, 6];
        int n = 3 * perBlob;
        var data = new float[n * 2];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < 2; j++)
                data[i * 2 + j] = centres[(i % 3) * 2 + j] + (float)(rng.NextDouble() - 0.5);
        return data;
    }

    /// <summary>Row-major values as a [row, column] array.</summary>
    public static float[,] ToMatrix(float[] flat, int dimensions)
    {
        var matrix = new float[flat.Length / dimensions, dimensions];
        for (int i = 0; i < matrix.GetLength(0); i++)
            for (int j = 0; j < dimensions; j++)
                matrix[i, j] = flat[i * dimensions + j];
        return matrix;
    }

    public static KMeansOptions Options(int k = 2, int? seed = 0) =>
        new() { ClusterCount = k, Seed = seed, Backend = KMeansBackend.Cpu };
}
