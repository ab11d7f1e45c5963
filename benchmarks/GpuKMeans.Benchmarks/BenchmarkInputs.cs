namespace GpuKMeans.Benchmarks;

/// <summary>What the iteration benchmarks share: the backend named by GPUKMEANS_BENCH_BACKEND and uniform data.</summary>
internal static class BenchmarkInputs
{
    /// <summary>The backend of GPUKMEANS_BENCH_BACKEND (cuda, opencl, cpu, ilgpucpu), or <paramref name="fallback"/>.</summary>
    public static KMeansBackend Backend(KMeansBackend fallback) =>
        Environment.GetEnvironmentVariable("GPUKMEANS_BENCH_BACKEND")?.ToLowerInvariant() switch
        {
            "cuda" => KMeansBackend.Cuda,
            "opencl" => KMeansBackend.OpenCL,
            "cpu" => KMeansBackend.Cpu,
            "ilgpucpu" => KMeansBackend.IlgpuCpu,
            _ => fallback,
        };

    /// <summary>n × d points and k × d centroids uniform in [0, 1), seed 1.</summary>
    public static (float[] Points, float[] Centroids) Uniform(int n, int d, int k)
    {
        var random = new Random(1);
        var points = new float[(long)n * d];
        for (long i = 0; i < points.Length; i++)
            points[i] = (float)random.NextDouble();
        var centroids = new float[k * d];
        for (int i = 0; i < centroids.Length; i++)
            centroids[i] = (float)random.NextDouble();
        return (points, centroids);
    }

    /// <summary>
    /// n × d points in k Gaussian blobs (centres uniform in [−10, 10]^d, unit noise) and the centres, seed 1.
    /// </summary>
    public static (float[] Points, float[] Centres) Blobs(int n, int d, int k)
    {
        var random = new Random(1);
        var centres = new float[k * d];
        for (int i = 0; i < centres.Length; i++)
            centres[i] = (float)(20 * random.NextDouble() - 10);
        var points = new float[(long)n * d];
        for (long i = 0; i < n; i++)
        {
            int blob = random.Next(k);
            for (int j = 0; j < d; j++)
                points[i * d + j] = centres[blob * d + j] + Normal(random);
        }
        return (points, centres);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static float Normal(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
