using BenchmarkDotNet.Attributes;
using GpuKMeans.Backends;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// One Lloyd iteration with the points resident against the same iteration streamed through the device with a memory
/// budget of 1/1.5 of the points (three chunks through two slots: every chunk is copied on every pass, the next copy
/// overlapping this chunk's work). The ratio streamed / resident is the cost of the copies the overlap did not hide.
/// Backend from GPUKMEANS_BENCH_BACKEND (cpu by default; cuda on the GPU machine):
/// <c>dotnet run -c Release --project benchmarks/GpuKMeans.Benchmarks -- --filter '*Streaming*' --job short</c>.
/// </summary>
[MemoryDiagnoser(false)]
public class StreamingBenchmarks
{
    private KMeansDevice? _device;
    private IFitWorkspace? _points;
    private float[] _centroids = [];

    /// <summary>n × d × k.</summary>
    [Params("4M×16×64", "1M×64×256")]
    public string Shape { get; set; } = "";

    /// <summary>Resident, or streamed at 1.5× the budget.</summary>
    [Params("resident", "streamed")]
    public string Placement { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var (n, d, k) = LloydIterationBenchmarks.Parse(Shape);
        _device = KMeansDevice.Create(BenchmarkInputs.Backend(KMeansBackend.Cpu));
        (var data, _centroids) = BenchmarkInputs.Uniform(n, d, k);
        long? budget = Placement == "streamed" ? (long)(Residency.ResidentBytes(n, d) / 1.5) : null;
        _points = Residency.Upload(_device.Backend, data, d, default, budget ?? long.MaxValue).CreateWorkspace(ownsPoints: true);
        Iteration();
        Console.WriteLine($"// {_device}: n={n} d={d} k={k} {Placement}, {2.0 * n * k * d / 1e9:F1} GFLOP and {n * d * 4 / 1e9:F2} GB per iteration");
    }

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
}
