using GpuKMeans.Backends;
using ILGPU;
using ILGPU.Runtime.CPU;
using Xunit;

namespace GpuKMeans.Tests.Api;

/// <summary>
/// <see cref="KMeansBackend.Auto"/> on a machine with a GPU runs small work on the CPU backend: the model
/// (<see cref="AutoPolicy"/>) and the routing, the latter over ILGPU's CPU accelerator standing in for the GPU.
/// </summary>
public sealed class AutoPolicyTests
{
    [Theory]
    [InlineData(6, 2, 2, 2, true)]                // the README's six points
    [InlineData(10_000, 8, 8, 2, true)]
    [InlineData(4_000_000, 32, 256, 2, false)]    // the GPU issue's shapes all go to the GPU
    [InlineData(10_000_000, 16, 64, 2, false)]
    [InlineData(1_000_000, 256, 4096, 64, false)] // even against 64 cores
    public void SmallWorkStaysOnTheCpuAndLargeWorkGoesToTheGpu(long n, int d, int k, int cores, bool cpu) =>
        Assert.Equal(cpu, AutoPolicy.PreferCpu(n, d, k, cores));

    [Fact]
    public void TheCrossoverIsMonotonicInTheWork()
    {
        // Once the GPU wins at some n, it wins at every larger n (same d, k, cores).
        foreach (var (d, k) in new[] { (2, 3), (32, 64), (128, 1024) })
        {
            bool gpu = false;
            for (long n = 16; n <= 1L << 30; n *= 2)
            {
                bool preferGpu = !AutoPolicy.PreferCpu(n, d, k, 2);
                Assert.False(gpu && !preferGpu, $"d={d} k={k}: the GPU won below n={n} but not at it");
                gpu |= preferGpu;
            }
            Assert.True(gpu, $"d={d} k={k}: the GPU never won");
        }
    }

    [Fact]
    public void AnAutoDeviceRunsSmallFitsOnTheCpuBackendAndLargeOnesOnTheAccelerator()
    {
        using var context = Context.Create(builder => builder.CPU().EnableAlgorithms());
        using var accelerator = context.GetCPUDevice(0).CreateAccelerator(context);
        using var device = KMeansDevice.AutoOver(accelerator);
        using var kmeans = new KMeans(new KMeansOptions { ClusterCount = 2, Seed = 0 }, device);

        var small = kmeans.Fit(ApiData.SixPoints, 2, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("CPU", small.BackendName);
        Assert.Equal([0, 1], kmeans.Predict(small, [1, 2, 10, 2]).Distinct().Order());

        // The smallest work the model sends to the GPU on this machine: the accelerator runs it (one iteration is
        // enough to see where; k-means++ is skipped with random rows).
        int d = 16, k = 64, n = 1024;
        while (AutoPolicy.PreferCpu(n, d, k, Environment.ProcessorCount))
            n *= 2;
        var points = new float[n * d];
        for (int i = 0; i < points.Length; i++)
            points[i] = (i / d) % 97;
        using var oneStep = new KMeans(new KMeansOptions
        {
            ClusterCount = k, Seed = 0, MaxIterations = 1, Init = KMeansInitMethod.RandomRows, InitCount = 1,
        }, device);
        Assert.Equal("ILGPU CPU accelerator", oneStep.Fit(points, d, cancellationToken: TestContext.Current.CancellationToken).BackendName);
    }
}
