using GpuKMeans.Tests.Reference;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using Xunit;

namespace GpuKMeans.Tests.Scaling;

/// <summary>
/// A device over several accelerators (or CPU-backend shards) splits every upload in row shards, runs each fit on all of
/// them and merges their partial statistics in shard order: the result equals the single device's within rounding and is
/// bit-identical run to run.
/// </summary>
public sealed class ShardingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(2, 6000, 4, 5)]
    [InlineData(3, 7001, 9, 8)]
    [InlineData(3, 300, 2, 3)]
    public void CpuBackendShardsMatchOneDeviceAndRepeatBitForBit(int shards, int n, int d, int k)
    {
        int seed = TestData.NewSeed();
        var points = ScalingData.Blobs(n, d, k, seed);
        var weights = TestData.Weights(n, new Random(seed));
        var options = new KMeansOptions { ClusterCount = k, Seed = seed, Tolerance = 0 };
        using var single = new KMeans(options, KMeansDevice.Create(KMeansBackend.Cpu));
        using var device = KMeansDevice.Create(KMeansBackend.Cpu, Enumerable.Range(0, shards).ToArray());
        Assert.Equal(shards, device.DeviceCount);
        using var sharded = new KMeans(options, device);

        var expected = single.Fit(points, d, weights, cancellationToken: Token);
        var actual = sharded.Fit(points, d, weights, cancellationToken: Token);
        ScalingData.Close(expected, actual);
        ScalingData.Identical(actual, sharded.Fit(points, d, weights, cancellationToken: Token));
        Assert.Equal(single.Predict(expected, points), sharded.Predict(actual, points));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void IlgpuCpuAcceleratorsAsShardsMatchOneAccelerator(int shards)
    {
        int seed = TestData.NewSeed();
        const int n = 1200, d = 3, k = 4;
        var points = ScalingData.Blobs(n, d, k, seed);
        using var context = Context.Create(builder => builder.CPU().EnableAlgorithms());
        var accelerators = Enumerable.Range(0, shards).Select(_ => (Accelerator)context.GetCPUDevice(0).CreateAccelerator(context)).ToArray();
        try
        {
            var options = new KMeansOptions { ClusterCount = k, Seed = seed, MaxIterations = 15 };
            KMeansResult expected;
            using (var one = new KMeans(options, KMeansDevice.FromAccelerator(accelerators[0])))
                expected = one.Fit(points, d, cancellationToken: Token);
            using var device = KMeansDevice.FromAccelerators(accelerators);
            Assert.Equal(accelerators, device.Accelerators);
            using var sharded = new KMeans(options, device);
            var actual = sharded.Fit(points, d, cancellationToken: Token);
            ScalingData.Close(expected, actual);
            ScalingData.Identical(actual, sharded.Fit(points, d, cancellationToken: Token));
            Assert.Contains($"{shards} ×", actual.DeviceName);
        }
        finally
        {
            foreach (var accelerator in accelerators)
                accelerator.Dispose();
        }
    }

    [Fact]
    public void ShardsThatStreamMatchOneResidentDevice()
    {
        int seed = TestData.NewSeed();
        const int n = 8000, d = 5, k = 6;
        var points = ScalingData.Blobs(n, d, k, seed);
        var options = new KMeansOptions { ClusterCount = k, Seed = seed };
        using var single = new KMeans(options, KMeansDevice.Create(KMeansBackend.Cpu));
        var device = KMeansDevice.Create(KMeansBackend.Cpu, [0, 1]);
        using var sharded = new KMeans(options, device);
        using var data = device.Upload(points, d, deviceMemoryBudget: ScalingData.BudgetFor(n, d, 3));
        Assert.True(data.IsStreamed);
        ScalingData.Close(single.Fit(points, d, cancellationToken: Token), sharded.Fit(data, cancellationToken: Token));
    }

    [Fact]
    public void CpuShardsPruneWithYinyangAndKeepLloydsResult()
    {
        int seed = TestData.NewSeed();
        const int n = 6000, d = 4, k = 12;
        var points = ScalingData.Blobs(n, d, k, seed);
        var options = new KMeansOptions { ClusterCount = k, Seed = seed, Tolerance = 0, Algorithm = KMeansAlgorithm.Lloyd };
        using var single = new KMeans(options, KMeansDevice.Create(KMeansBackend.Cpu));
        using var sharded = new KMeans(options with { Algorithm = KMeansAlgorithm.Yinyang }, KMeansDevice.Create(KMeansBackend.Cpu, [0, 1]));
        var expected = single.Fit(points, d, cancellationToken: Token);
        var pruned = sharded.Fit(points, d, cancellationToken: Token);
        ScalingData.Close(expected, pruned);
        Assert.True(pruned.IterationStats.Sum(s => s.SkippedDistanceCount) > 0, "no distance was skipped on the shards");
    }

    [Fact]
    public void BadDeviceListsAreRejectedNamingTheParameter()
    {
        Assert.Equal("deviceIds", Assert.Throws<ArgumentException>(() => KMeansDevice.Create(KMeansBackend.Cpu, [])).ParamName);
        Assert.Equal("deviceIds", Assert.Throws<ArgumentException>(() => KMeansDevice.Create(KMeansBackend.Cpu, [1, 1])).ParamName);
        var missing = Assert.Throws<ArgumentException>(() => KMeansDevice.Create(KMeansBackend.IlgpuCpu, [0, 7]));
        Assert.Contains("deviceIds has 7", missing.Message);
        Assert.Throws<ArgumentException>(() => KMeansDevice.Create(KMeansBackend.Auto, [0]));
        Assert.Throws<ArgumentException>(() => KMeansDevice.FromAccelerators([]));
    }
}
