namespace GpuKMeans.Backends;

/// <summary>
/// Where <see cref="KMeansBackend.Auto"/> runs a call when the machine has a GPU: on the GPU unless the work is so
/// small that the CPU backend finishes first. A stated model, not a measurement (the GPU check,
/// scripts/gpu-check.sh, measures the real crossover where a GPU is lent):
/// <list type="bullet">
/// <item>CPU backend, per Lloyd iteration: <c>2·n·k·d / (F_cpu · cores)</c>, with F_cpu = 95 GFLOP/s per core
/// (measured here: 189 GFLOP/s on 2 Zen 5 cores with AVX-512, <c>gpukmeans bench</c>, benchmarks/RESULTS.md);</item>
/// <item>GPU, per iteration: a fixed <see cref="GpuIterationOverheadSeconds"/> (≈ 15 kernel launches and two small
/// copies with a synchronisation) plus <c>2·n·k·d / F_gpu</c> with F_gpu = 20 TFLOP/s (the tiled kernel's
/// predicted rate on an H200, 30% of the FP32 floor), plus the upload of <c>n·d·4</c> bytes over PCIe at
/// 25 GB/s spread over <see cref="AssumedIterations"/> iterations.</item>
/// </list>
/// The GPU is chosen when its time is lower; with these numbers the crossover is near n·k·d ≈ 10⁷
/// (e.g. 10,000 points × 32 features × 32 clusters).
/// </summary>
internal static class AutoPolicy
{
    /// <summary>CPU backend throughput per core, flop/s.</summary>
    public const double CpuFlopsPerCore = 95e9;

    /// <summary>Predicted GPU throughput of the tiled assignment, flop/s.</summary>
    public const double GpuFlops = 20e12;

    /// <summary>Fixed GPU cost of one iteration, seconds.</summary>
    public const double GpuIterationOverheadSeconds = 100e-6;

    /// <summary>Host-to-device bandwidth for the upload, bytes/s.</summary>
    public const double UploadBytesPerSecond = 25e9;

    /// <summary>Iterations an upload is spread over (a typical fit with k-means++ seeding).</summary>
    public const int AssumedIterations = 20;

    /// <summary>Whether the CPU backend is predicted to finish an iteration of this shape before the GPU.</summary>
    public static bool PreferCpu(long pointCount, int dimensions, int clusterCount, int cpuCores)
    {
        double flops = 2.0 * pointCount * clusterCount * dimensions;
        double cpu = flops / (CpuFlopsPerCore * Math.Max(1, cpuCores));
        double upload = 4.0 * pointCount * dimensions / UploadBytesPerSecond / AssumedIterations;
        double gpu = GpuIterationOverheadSeconds + flops / GpuFlops + upload;
        return cpu < gpu;
    }
}
