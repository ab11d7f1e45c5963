using BenchmarkDotNet.Attributes;
using GpuKMeans.Backends;
using GpuKMeans.Backends.Cpu;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// One Lloyd iteration of the CPU backend (upload centroids, fused assignment, reduction; the host update is
/// left out) at each vector width, and with the reduction as a separate pass instead of fused into the
/// assignment: the variants behind the choices in <c>benchmarks/RESULTS.md</c>. Widths this machine lacks
/// fall back to its widest. Run: <c>dotnet run -c Release --project benchmarks/GpuKMeans.Benchmarks -- --filter '*CpuBackendVariants*'</c>.
/// </summary>
[WarmupCount(1)]
[IterationCount(5)]
public class CpuBackendVariantsBenchmarks
{
    private IKMeansBackend _backend = null!;
    private IFitWorkspace _points = null!;
    private float[] _centroids = [];

    /// <summary>Points × dimensions × clusters.</summary>
    [Params("200000x32x64", "100000x128x256")]
    public string Shape { get; set; } = "";

    /// <summary>Vector width in bits (32 = scalar), "-unfused" for the separate reduction pass.</summary>
    [Params("512", "512-unfused", "256", "128", "32")]
    public string Variant { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        int n = int.Parse(parts[0]), d = int.Parse(parts[1]), k = int.Parse(parts[2]);
        var random = new Random(20261122);
        var points = new float[n * d];
        for (int i = 0; i < points.Length; i++)
            points[i] = (float)random.NextDouble();
        _centroids = new float[k * d];
        for (int i = 0; i < _centroids.Length; i++)
            _centroids[i] = (float)random.NextDouble();
        var level = Variant.Split('-')[0] switch
        {
            "512" => CpuSimdLevel.Vector512,
            "256" => CpuSimdLevel.Vector256,
            "128" => CpuSimdLevel.Vector128,
            _ => CpuSimdLevel.Scalar,
        };
        var backend = new CpuBackend(level, fuseAccumulate: !Variant.EndsWith("-unfused", StringComparison.Ordinal));
        _backend = backend;
        _points = backend.Upload(points, d, default).CreateWorkspace(ownsPoints: true);
        Iteration();
        Console.WriteLine($"// {backend.DeviceName} running {backend.Level}: n={n} d={d} k={k}, {2.0 * n * k * d / 1e9:F3} GFLOP per iteration");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _points?.Dispose();
        _backend?.Dispose();
    }

    /// <summary>Returns once the k × d sums are on the host.</summary>
    [Benchmark]
    public double Iteration()
    {
        _points.SetCentroids(_centroids, _centroids.Length / _points.Dimensions);
        return _points.AssignAndReduce().Inertia;
    }
}
