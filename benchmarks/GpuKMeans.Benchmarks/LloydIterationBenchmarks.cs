using BenchmarkDotNet.Attributes;
using GpuKMeans.Backends;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// One full Lloyd iteration with the data resident on the device: upload the centroids, fused
/// assignment, deterministic reduction, and the copy of the k × d sums back for the host update (issue
/// "GPU speed"'s shapes). Flops per iteration 2·n·k·d; the floor is max(flops / 51.3 TFLOP/s,
/// n·d·4 B / 2.98 TB/s) on the H100. Backend "cuda" needs a GPU:
/// <c>bash .gpu/on-device.sh GpuKMeans.Benchmarks --filter '*LloydIteration*'</c>. On a machine without one,
/// <c>--filter '*LloydIteration*' --job dry</c> with GPUKMEANS_BENCH_BACKEND=ilgpucpu checks that it runs.
/// </summary>
[MemoryDiagnoser(false)]
public class LloydIterationBenchmarks
{
    private KMeansDevice? _device;
    private IFitWorkspace? _points;
    private float[] _centroids = [];

    /// <summary>n × d × k; the odd shape checks that non-powers of two stay on the fast path.</summary>
    [Params("4M×32×256", "10M×16×64", "1M×128×1024", "1M×256×4096", "3M×100×500")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var (n, d, k) = Parse(Shape);
        var backend = BenchmarkInputs.Backend(KMeansBackend.Cuda);
        if (backend != KMeansBackend.Cuda)
            (n, k) = (Math.Min(n, 20_000), Math.Min(k, 64));   // the emulator and the CPU only prove it runs
        _device = KMeansDevice.Create(backend);
        (var data, _centroids) = BenchmarkInputs.Uniform(n, d, k);
        _points = _device.Backend.Upload(data, d, default).CreateWorkspace(ownsPoints: true);
        Iteration();   // warm-up: kernel compilation and buffer allocation
        Console.WriteLine($"// {_device}: n={n} d={d} k={k}, {2.0 * n * k * d / 1e9:F1} GFLOP per iteration");
    }

    /// <summary>Returns after the sums are on the host, so the device is synchronised.</summary>
    [Benchmark]
    public double Iteration()
    {
        _points!.SetCentroids(_centroids, _centroids.Length / _points.Dimensions);
        return _points.AssignAndReduce().Inertia;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _points?.Dispose();
        _device?.Dispose();
    }

    internal static (int N, int D, int K) Parse(string shape)
    {
        var parts = shape.Split('×');
        int n = parts[0].EndsWith('M') ? int.Parse(parts[0][..^1]) * 1_000_000 : int.Parse(parts[0]);
        return (n, int.Parse(parts[1]), int.Parse(parts[2]));
    }
}
