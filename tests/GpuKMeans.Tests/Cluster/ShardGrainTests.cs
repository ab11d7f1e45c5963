using GpuKMeans.Orleans;
using GpuKMeans.Tests.Cli;
using GpuKMeans.Tests.Reference;
using GpuKMeans.Tests.Scaling;
using Orleans.TestingHost;
using Xunit;

namespace GpuKMeans.Tests.Cluster;

/// <summary>The shard grains and the coordinator in one process (Orleans' in-process test cluster of two silos).</summary>
public sealed class ShardGrainTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoSilosFitConditionedDataAsTwoLocalShardsDoAndUnloadedShardsRefuseCalls()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddKMeansWorker(KMeansBackend.Cpu));
        await using var host = builder.Build();
        await host.DeployAsync(Token);

        int seed = TestData.NewSeed();
        using var dir = new CliTempDirectory();
        // Far from the origin: the coordinator chooses a translation, and each shard must condition its rows with it.
        var input = ClusterData.WriteBlobs(dir.PathOf("far.npy"), 2000, 3, 4, seed, shift: 1e5f);
        var options = new KMeansOptions { ClusterCount = 4, Seed = seed, MaxIterations = 20 };
        using var cluster = KMeansCluster.FromClient(host.Client);

        var fit = cluster.Fit(options, input, shardCount: 2, cancellationToken: Token);

        ScalingData.Identical(ClusterData.LocalFit(options, input, shards: 2), fit.Result);
        Assert.Equal(2, fit.Workers.Distinct().Count());
        var stray = host.Client.GetGrain<IKMeansShardGrain>("never-loaded/0");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => stray.CreateWorkspace());
        Assert.Contains("holds no rows", error.Message);
    }
}
