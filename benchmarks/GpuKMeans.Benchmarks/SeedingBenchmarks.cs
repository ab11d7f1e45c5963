using BenchmarkDotNet.Attributes;
using GpuKMeans.Backends;
using GpuKMeans.Init;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// Seeding alone, k-means++ against k-means‖ (ℓ = 2k, 5 rounds), on data resident on the device (issue 14's
/// shape: n = 1M, d = 32, k = 1024 on the CPU backend). The points are 1024 Gaussian blobs (unit noise around
/// centres uniform in [−10, 10]^d), fixed seed. Each method's seeding potential Σ min d² is printed after its
/// run, so speed and quality are read together:
/// <c>dotnet run -c Release --project benchmarks/GpuKMeans.Benchmarks -- --filter '*Seeding*'</c>.
/// GPUKMEANS_BENCH_BACKEND picks another backend (ilgpucpu, opencl, cuda); GPUKMEANS_BENCH_SHAPE another
/// n×d×k (e.g. <c>100000×32×128</c>) for a quick check.
/// </summary>
[WarmupCount(0)]
[IterationCount(2)]
[InvocationCount(1, unrollFactor: 1)]
public class SeedingBenchmarks
{
    private KMeansDevice? _device;
    private IFitWorkspace? _points;
    private int _clusterCount;
    private float[] _seeds = [];

    /// <summary>The initialiser timed.</summary>
    [Params(KMeansInitMethod.KMeansPlusPlus, KMeansInitMethod.KMeansParallel)]
    public KMeansInitMethod Init { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string shape = Environment.GetEnvironmentVariable("GPUKMEANS_BENCH_SHAPE") ?? "1000000×32×1024";
        var parts = shape.Split('×', 'x');
        int n = int.Parse(parts[0]), d = int.Parse(parts[1]);
        _clusterCount = int.Parse(parts[2]);
        var backend = Environment.GetEnvironmentVariable("GPUKMEANS_BENCH_BACKEND")?.ToLowerInvariant() switch
        {
            "ilgpucpu" => KMeansBackend.IlgpuCpu,
            "opencl" => KMeansBackend.OpenCL,
            "cuda" => KMeansBackend.Cuda,
            _ => KMeansBackend.Cpu,
        };
        _device = KMeansDevice.Create(backend);
        var (data, _) = BenchmarkInputs.Blobs(n, d, _clusterCount);
        _points = _device.Backend.Upload(data, d, default).CreateWorkspace(ownsPoints: true);
        Console.WriteLine($"// {_device}: n={n} d={d} k={_clusterCount}, init {Init}");
    }

    /// <summary>Chooses the k seeds with <see cref="Init"/>.</summary>
    [Benchmark]
    public int Seed()
    {
        var random = new Random(7);
        _seeds = Init == KMeansInitMethod.KMeansParallel
            ? KMeansParallelInit.Choose(_points!, [], _clusterCount, 2.0 * _clusterCount, 5, random)
            : KMeansPlusPlusInit.Choose(_points!, [], _clusterCount, random);
        return _seeds.Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_seeds.Length > 0)
        {
            _points!.SetCentroids(_seeds, _clusterCount);
            Console.WriteLine($"// {Init}: seeding potential {_points.AssignAndReduce().Inertia:E6}");
        }
        _points?.Dispose();
        _device?.Dispose();
    }
}
