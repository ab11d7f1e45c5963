using BenchmarkDotNet.Attributes;
using Microsoft.ML.Trainers;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// Issue 5: the native CPU backend against ML.NET's <see cref="KMeansTrainer"/> (the baseline) and ILGPU's
/// CPU accelerator, per Lloyd iteration. Each [Benchmark] is one whole fit of a fixed number of iterations
/// from random initial centroids with convergence switched off, and <c>OperationsPerInvoke</c> divides by
/// that number, so the reported Mean is milliseconds per iteration (fit set-up included, amortised).
/// Run: <c>dotnet run -c Release --project benchmarks/GpuKMeans.Benchmarks -- --filter '*CpuVersusMlNet*'</c>.
/// </summary>
[WarmupCount(1)]
[IterationCount(5)]
public class CpuVersusMlNetBenchmarks
{
    /// <summary>Lloyd iterations per fit for ML.NET and our CPU backend.</summary>
    public const int Iterations = 10;

    /// <summary>Iterations per fit for ILGPU's CPU accelerator (≈ 1.7 GFLOP/s: 10 would take minutes).</summary>
    public const int IlgpuIterations = 2;

    private MlNetKMeans _mlNet = null!;
    private KMeansDevice _cpuDevice = null!;
    private KMeansDataset _cpuData = null!;
    private KMeans _cpuKMeans = null!;
    private KMeansDevice _ilgpuDevice = null!;
    private KMeansDataset _ilgpuData = null!;
    private KMeans _ilgpuKMeans = null!;

    /// <summary>Points × dimensions × clusters.</summary>
    [Params("200000x32x64", "100000x128x256")]
    public string Shape { get; set; } = "";

    public int N => int.Parse(Shape.Split('x')[0]);
    public int D => int.Parse(Shape.Split('x')[1]);
    public int K => int.Parse(Shape.Split('x')[2]);

    [GlobalSetup(Target = nameof(MlNet))]
    public void SetupMlNet()
    {
        var (points, _) = Problem();
        _mlNet = new MlNetKMeans(points, D);
        // ML.NET stops when the average score changes by less than OptimizationTolerance; count its passes over
        // the data to show that it really ran every iteration (one pass each, plus its initialisation passes).
        long extra = _mlNet.ExtraIterations(K, Iterations);
        Console.WriteLine($"// ML.NET: {extra + 1} Lloyd iterations run with MaximumNumberOfIterations = {Iterations} " +
            $"(counted from its passes over the data); NumberOfThreads = {Environment.ProcessorCount}");
    }

    [GlobalSetup(Target = nameof(CpuBackend))]
    public void SetupCpu()
    {
        var (points, centroids) = Problem();
        _cpuDevice = KMeansDevice.Create(KMeansBackend.Cpu);
        _cpuData = _cpuDevice.Upload(points, D);
        _cpuKMeans = new KMeans(Options(centroids, K, Iterations), _cpuDevice);
        var result = _cpuKMeans.Fit(_cpuData);
        Console.WriteLine($"// {_cpuDevice}: {result.Iterations} iterations, converged = {result.Converged} (expected {Iterations}, False)");
    }

    [GlobalSetup(Target = nameof(IlgpuCpuAccelerator))]
    public void SetupIlgpu()
    {
        var (points, centroids) = Problem();
        _ilgpuDevice = KMeansDevice.Create(KMeansBackend.IlgpuCpu);
        _ilgpuData = _ilgpuDevice.Upload(points, D);
        _ilgpuKMeans = new KMeans(Options(centroids, K, IlgpuIterations), _ilgpuDevice);
        var result = _ilgpuKMeans.Fit(_ilgpuData);
        Console.WriteLine($"// {_ilgpuDevice}: {result.Iterations} iterations, converged = {result.Converged} (expected {IlgpuIterations}, False)");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cpuKMeans?.Dispose();
        _cpuData?.Dispose();
        _cpuDevice?.Dispose();
        _ilgpuKMeans?.Dispose();
        _ilgpuData?.Dispose();
        _ilgpuDevice?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations, Description = "ML.NET KMeansTrainer")]
    public KMeansModelParameters MlNet() => _mlNet.Fit(K, Iterations);

    [Benchmark(OperationsPerInvoke = Iterations, Description = "GpuKMeans CPU backend")]
    public KMeansResult CpuBackend() => _cpuKMeans.Fit(_cpuData);

    [Benchmark(OperationsPerInvoke = IlgpuIterations, Description = "ILGPU CPU accelerator")]
    public KMeansResult IlgpuCpuAccelerator() => _ilgpuKMeans.Fit(_ilgpuData);

    private double FlopsPerIteration => 2.0 * N * K * D;

    /// <summary>Uniform points in [0, 1)^d and k random initial centroids in the same cube, the same for every method.</summary>
    private (float[] Points, float[] Centroids) Problem()
    {
        var random = new Random(20261122);
        var points = Uniform(N * D, random);
        var centroids = Uniform(K * D, random);
        Console.WriteLine($"// {Shape}: {FlopsPerIteration / 1e9:F3} GFLOP per assignment (2·n·k·d)");
        return (points, centroids);
    }

    /// <summary>Our fits start from the given centroids every time, with convergence off (Tolerance 0).</summary>
    private static KMeansOptions Options(float[] centroids, int k, int iterations) => new()
    {
        ClusterCount = k,
        InitialCentroids = centroids,
        MaxIterations = iterations,
        Tolerance = 0,
        Algorithm = KMeansAlgorithm.Lloyd,   // ML.NET's trainer is compared iteration for iteration with unpruned Lloyd
    };

    private static float[] Uniform(int count, Random random)
    {
        var values = new float[count];
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)random.NextDouble();
        return values;
    }
}
