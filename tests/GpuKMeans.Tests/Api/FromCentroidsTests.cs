using GpuKMeans;
using Xunit;

namespace GpuKMeans.Tests.Api;

/// <summary>A model rebuilt from saved centroids predicts like the fitted one.</summary>
public class FromCentroidsTests(CpuDeviceFixture fixture) : IClassFixture<CpuDeviceFixture>
{
    [Fact]
    public void RebuiltModelPredictsLikeTheFittedOne()
    {
        float[] points = [1, 2, 1, 4, 1, 0, 10, 2, 10, 4, 10, 0];
        using var kmeans = new KMeans(new KMeansOptions { ClusterCount = 2, Seed = 0, Backend = KMeansBackend.Cpu }, fixture.Device);
        var fitted = kmeans.Fit(points, 2, cancellationToken: TestContext.Current.CancellationToken);
        var rebuilt = KMeansResult.FromCentroids(fitted.Centroids.AsSpan(), 2);

        Assert.Equal(2, rebuilt.ClusterCount);
        Assert.Empty(rebuilt.Labels);
        Assert.True(double.IsNaN(rebuilt.Inertia));
        Assert.Equal(fitted.Labels.ToArray(), kmeans.Predict(rebuilt, points));
        Assert.Equal(kmeans.Score(fitted, points), kmeans.Score(rebuilt, points));
    }

    [Fact]
    public void RaggedOrNonFiniteCentroidsAreRejected()
    {
        Assert.Equal("centroids", Assert.Throws<ArgumentException>(() => KMeansResult.FromCentroids([1, 2, 3], 2)).ParamName);
        Assert.Equal("centroids", Assert.Throws<ArgumentException>(() => KMeansResult.FromCentroids([1, float.NaN], 2)).ParamName);
        Assert.Equal("dimensions", Assert.Throws<ArgumentOutOfRangeException>(() => KMeansResult.FromCentroids([1, 2], 0)).ParamName);
    }
}
