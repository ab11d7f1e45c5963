using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Scaling;

/// <summary>
/// The public partial-statistics API is enough to drive k-means from one's own engine: shards' statistics merge into the
/// whole's, and a loop of compute → merge → finish over two shard datasets reaches the library's own fit.
/// </summary>
public sealed class PartialStatisticsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void StatisticsOfTwoHalvesMergeIntoThoseOfTheWhole()
    {
        int seed = TestData.NewSeed();
        const int n = 3000, d = 4, k = 5;
        var points = ScalingData.Blobs(n, d, k, seed);
        var centroids = points.AsSpan(0, k * d).ToArray();
        using var device = KMeansDevice.Create(KMeansBackend.Cpu);
        using var whole = device.Upload(points, d);
        using var first = device.Upload(points.AsMemory(0, 1000 * d), d);
        using var second = device.Upload(points.AsMemory(1000 * d), d);

        var expected = whole.ComputePartialStatistics(centroids, Token);
        var merged = KMeansPartialStatistics.MergeInOrder([first.ComputePartialStatistics(centroids, Token), second.ComputePartialStatistics(centroids, Token)]);
        Assert.Equal(n, merged.PointCount);
        Assert.Equal(expected.Weights.ToArray(), merged.Weights.ToArray());
        for (int i = 0; i < expected.Sums.Length; i++)
            Assert.Equal(expected.Sums[i], merged.Sums[i], 1e-9 * Math.Abs(expected.Sums[i]) + 1e-9);
        Assert.Equal(expected.Inertia, merged.Inertia, 1e-6 * expected.Inertia);
    }

    [Fact]
    public void ALoopOverShardsThroughThePublicApiReachesTheLibrarysFit()
    {
        int seed = TestData.NewSeed();
        const int n = 4000, d = 3, k = 4;
        var points = ScalingData.Blobs(n, d, k, seed);
        for (int i = 0; i < points.Length; i++)
            points[i] = points[i] * 1e-3f + 500f;   // far from the origin: the statistics come back in the data's units
        var start = new float[k * d];
        for (int c = 0; c < k; c++)
            points.AsSpan(c * d, d).CopyTo(start.AsSpan(c * d));   // rows 0..k−1 are in clusters 0..k−1

        using var device = KMeansDevice.Create(KMeansBackend.Cpu);
        using var kmeans = new KMeans(new KMeansOptions { ClusterCount = k, InitialCentroids = start, Tolerance = 0 }, device);
        var expected = kmeans.Fit(points, d, cancellationToken: Token);

        using var shardA = device.Upload(points.AsMemory(0, 2500 * d), d);
        using var shardB = device.Upload(points.AsMemory(2500 * d), d);
        var centroids = start;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            var statistics = shardA.ComputePartialStatistics(centroids, Token).Merge(shardB.ComputePartialStatistics(centroids, Token));
            var update = statistics.Finish(centroids);
            Assert.Empty(update.EmptyClusters);
            centroids = update.Centroids;
            if (update.SquaredShift == 0)
                break;
        }
        for (int i = 0; i < centroids.Length; i++)
            Assert.Equal(expected.Centroids[i], centroids[i], 1e-5f * 500f);
        Assert.Equal(expected.Inertia, shardA.ComputePartialStatistics(centroids, Token).Merge(shardB.ComputePartialStatistics(centroids, Token)).Inertia,
            1e-3 * expected.Inertia);
    }

    [Fact]
    public void BadShapesAreRejectedWithTheirNumbers()
    {
        var error = Assert.Throws<ArgumentException>(() => KMeansPartialStatistics.Create(2, 10, new double[5], new double[2], 0));
        Assert.Contains("sums has 5 values", error.Message);
        var a = KMeansPartialStatistics.Create(2, 1, [1, 2], [1], 0);
        var b = KMeansPartialStatistics.Create(1, 1, [1, 2], [1, 1], 0);
        Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Throws<ArgumentException>(() => a.Finish(new float[3]));
        var empty = KMeansPartialStatistics.Create(1, 0, [0, 0], [0, 0], 0).Finish([1f, 2f]);
        Assert.Equal([0, 1], empty.EmptyClusters);
        Assert.Equal([1f, 2f], empty.Centroids);
        Assert.Throws<ArgumentException>(() => KMeansPartialStatistics.MergeInOrder([]));
    }
}
