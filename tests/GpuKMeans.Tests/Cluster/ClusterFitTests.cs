using System.Text.Json;
using GpuKMeans.Orleans;
using GpuKMeans.Tests.Cli;
using GpuKMeans.Tests.Reference;
using GpuKMeans.Tests.Scaling;
using Xunit;

namespace GpuKMeans.Tests.Cluster;

/// <summary>
/// Fits through three worker processes equal the local fit of the same file on as many CPU shards, bit for bit (same
/// partition, same sums, same order), and the resident single-device fit within 1e-9 relative on well-separated blobs.
/// </summary>
public sealed class ClusterFitTests(WorkerClusterFixture cluster) : IClassFixture<WorkerClusterFixture>
{
    [Fact]
    [Trait("Category", "Slow")]   // worker processes or Release builds: in .ci/run, not in a plain dotnet test
    public void CliFitThroughThreeWorkersEqualsTheLocalShardedFitBitForBit()
    {
        int seed = TestData.NewSeed();
        const int n = 5000, d = 4, k = 5;
        using var dir = new CliTempDirectory();
        var input = ClusterData.WriteBlobs(dir.PathOf("blobs.npy"), n, d, k, seed);
        var run = CliRun.Of("fit", input.Path, "--k", $"{k}", "--seed", $"{seed}", "--tol", "1e-4", "--max-iter", "50",
            "--cluster", cluster.Gateways, "--shards", "3", "--json",
            "--labels", dir.PathOf("labels.npy"), "--centroids", dir.PathOf("centroids.npy"));
        Assert.True(run.ExitCode == 0, run.ToString());

        var options = new KMeansOptions { ClusterCount = k, Seed = seed, Tolerance = 1e-4, MaxIterations = 50, Init = KMeansCluster.DefaultInit };
        var expected = ClusterData.LocalFit(options, input, shards: 3);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Inertia), BitConverter.DoubleToInt64Bits(root.GetProperty("inertia").GetDouble()));
        Assert.Equal(expected.Iterations, root.GetProperty("iterations").GetInt32());
        Assert.Equal(expected.Labels.ToArray(), CliNpy.Int32s(CliNpy.Read(dir.PathOf("labels.npy")).Data));
        Assert.Equal(expected.Centroids.Select(BitConverter.SingleToInt32Bits),
            CliNpy.Float32s(CliNpy.Read(dir.PathOf("centroids.npy")).Data).Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(cluster.Workers.Select(w => w.Endpoint).Order(), root.GetProperty("workers").EnumerateArray().Select(w => w.GetString()!).Order());
        Assert.Equal(3, root.GetProperty("devices").GetArrayLength());

        ScalingData.Close(ClusterData.LocalFit(options, input, shards: 0), expected, relative: 1e-9);
    }

    [Fact]

    [Trait("Category", "Slow")]   // worker processes or Release builds: in .ci/run, not in a plain dotnet test
    public void MoreShardsThanWorkersSpreadEvenlyAndMatchTheLocalShards()
    {
        int seed = TestData.NewSeed();
        const int n = 3000, d = 3, k = 4;
        using var dir = new CliTempDirectory();
        var input = ClusterData.WriteBlobs(dir.PathOf("blobs.npy"), n, d, k, seed);
        var options = new KMeansOptions { ClusterCount = k, Seed = seed, MaxIterations = 30 };
        using var client = KMeansCluster.Connect([.. cluster.Workers.Select(w => w.Gateway)], cancellationToken: TestContext.Current.CancellationToken);

        var fit = client.Fit(options, input, shardCount: 5, cancellationToken: TestContext.Current.CancellationToken);

        ScalingData.Identical(ClusterData.LocalFit(options, input, shards: 5), fit.Result);
        Assert.Equal(5, fit.Workers.Count);
        Assert.Equal([1, 2, 2], fit.Workers.GroupBy(w => w).Select(g => g.Count()).Order());
    }
}
