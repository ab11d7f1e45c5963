using Xunit;

namespace GpuKMeans.Tests.Api;

/// <summary>
/// <see cref="MiniBatchKMeans"/> at the public boundary: scikit-learn 1.2's defaults, every bad option rejected with
/// the option's name and value, bad data rejected as <see cref="KMeans"/> rejects it, and the model usable by Predict,
/// Transform and Score.
/// </summary>
public sealed class MiniBatchApiTests(CpuDeviceFixture fixture) : IClassFixture<CpuDeviceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void DefaultsAreScikitLearnOnePointTwos()
    {
        var options = new MiniBatchKMeansOptions();
        Assert.Equal((8, 1024, 100, 0.0, 10, 0.01), (options.ClusterCount, options.BatchSize, options.MaxIterations,
            options.Tolerance, options.MaxNoImprovement, options.ReassignmentRatio));
        Assert.Equal(KMeansInitMethod.KMeansPlusPlus, options.Init);
        Assert.Equal(3, options.EffectiveInitCount);
        Assert.Equal(1, (options with { InitialCentroids = new float[16] }).EffectiveInitCount);
        Assert.Equal(3072, options.EffectiveInitSize(1_000_000));   // 3 · batch_size
        Assert.Equal(500, options.EffectiveInitSize(500));          // at most n
        Assert.Equal(300, (options with { ClusterCount = 100, BatchSize = 10 }).EffectiveInitSize(10_000));   // 3 · k when 3 · batch < k
        Assert.Equal(50, options.EffectiveBatchSize(50));
    }

    public static TheoryData<string, MiniBatchKMeansOptions, string> BadOptions => new()
    {
        { nameof(MiniBatchKMeansOptions.ClusterCount), new() { ClusterCount = 0 }, "0" },
        { nameof(MiniBatchKMeansOptions.BatchSize), new() { BatchSize = 0 }, "0" },
        { nameof(MiniBatchKMeansOptions.MaxIterations), new() { MaxIterations = -2 }, "-2" },
        { nameof(MiniBatchKMeansOptions.InitCount), new() { InitCount = 0 }, "0" },
        { nameof(MiniBatchKMeansOptions.InitSize), new() { InitSize = 0 }, "0" },
        { nameof(MiniBatchKMeansOptions.MaxNoImprovement), new() { MaxNoImprovement = -1 }, "-1" },
        { nameof(MiniBatchKMeansOptions.Tolerance), new() { Tolerance = -1e-3 }, (-1e-3).ToString() },
        { nameof(MiniBatchKMeansOptions.Tolerance), new() { Tolerance = double.NaN }, double.NaN.ToString() },
        { nameof(MiniBatchKMeansOptions.ReassignmentRatio), new() { ReassignmentRatio = -0.5 }, (-0.5).ToString() },
        { nameof(MiniBatchKMeansOptions.ReassignmentRatio), new() { ReassignmentRatio = double.PositiveInfinity }, double.PositiveInfinity.ToString() },
        { nameof(MiniBatchKMeansOptions.Init), new() { Init = (KMeansInitMethod)42 }, "42" },
        { nameof(MiniBatchKMeansOptions.Backend), new() { Backend = (KMeansBackend)42 }, "42" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void ABadOptionIsRejectedWithItsNameAndValue(string option, MiniBatchKMeansOptions options, string value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchKMeans(options, fixture.Device));
        Assert.Equal(option, ex.ParamName);
        Assert.Contains(value, ex.Message);
        Assert.Equal(option, Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchKMeans(options)).ParamName);
    }

    [Fact]
    public void ExplicitInitWithoutCentroidsIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new MiniBatchKMeans(new MiniBatchKMeansOptions { Init = KMeansInitMethod.Explicit }, fixture.Device));
        Assert.Equal(nameof(MiniBatchKMeansOptions.InitialCentroids), ex.ParamName);
    }

    [Fact]
    public void BadDataIsRejectedAsKMeansRejectsIt()
    {
        using var model = new MiniBatchKMeans(new MiniBatchKMeansOptions { ClusterCount = 7 }, fixture.Device);
        var few = Assert.Throws<ArgumentException>(() => model.Fit(ApiData.SixPoints, 2, cancellationToken: Ct));
        Assert.Equal("points", few.ParamName);
        Assert.Contains("ClusterCount=7", few.Message);

        float[] data = ApiData.SixPoints;
        data[5] = float.NaN;
        using var two = new MiniBatchKMeans(new MiniBatchKMeansOptions { ClusterCount = 2 }, fixture.Device);
        Assert.Contains("row 2, column 1", Assert.Throws<ArgumentException>(() => two.Fit(data, 2, cancellationToken: Ct)).Message);
        Assert.Equal("sampleWeights",
            Assert.Throws<ArgumentException>(() => two.Fit(ApiData.SixPoints, 2, [1, 1, 1], cancellationToken: Ct)).ParamName);

        using var given = new MiniBatchKMeans(new MiniBatchKMeansOptions { ClusterCount = 2, InitialCentroids = [0, 0, 1] }, fixture.Device);
        Assert.Equal(nameof(MiniBatchKMeansOptions.InitialCentroids),
            Assert.Throws<ArgumentException>(() => given.Fit(ApiData.SixPoints, 2, cancellationToken: Ct)).ParamName);
    }

    /// <summary>scikit-learn's KMeans example: the two columns, whatever the numbering.</summary>
    [Fact]
    public void FitsSixPointsAndThePredictorsUseTheResult()
    {
        using var model = new MiniBatchKMeans(new MiniBatchKMeansOptions { ClusterCount = 2, BatchSize = 6, Seed = 0 }, fixture.Device);
        var result = model.Fit(ApiData.SixPointsMatrix, cancellationToken: Ct);

        Assert.Equal(2, result.ClusterCount);
        Assert.Equal([0, 0, 0, 1, 1, 1], result.Labels.Select(label => label == result.Labels[0] ? 0 : 1));
        // Each centroid is the mean of the rows its batches drew (with replacement): x exactly its column's.
        Assert.Equal([1f, 10f], new[] { result.GetCentroid(result.Labels[0])[0], result.GetCentroid(result.Labels[3])[0] });
        Assert.True(result.Inertia >= 16 - 1e-4, $"inertia {result.Inertia} below the optimum 16");
        Assert.Equal(result.Labels, model.Predict(result, ApiData.SixPoints));
        Assert.Equal(-result.Inertia, model.Score(result, ApiData.SixPoints), 1e-6 * result.Inertia);
        Assert.Equal(12, model.Transform(result, ApiData.SixPoints).Length);
        using var kmeans = new KMeans(new KMeansOptions { ClusterCount = 2 }, fixture.Device);
        Assert.Equal(result.Labels, kmeans.Predict(result, ApiData.SixPoints));
        Assert.Equal(result.Labels, model.FitPredict(ApiData.SixPoints, 2));
    }

    [Fact]
    public void FitsADatasetUploadedOnce()
    {
        using var dataset = fixture.Device.Upload(ApiData.Blobs(100, 4), 2);
        using var model = new MiniBatchKMeans(new MiniBatchKMeansOptions { ClusterCount = 3, BatchSize = 32, Seed = 4 }, fixture.Device);
        var fromDataset = model.Fit(dataset, cancellationToken: Ct);
        var fromSpan = model.Fit(ApiData.Blobs(100, 4), 2, cancellationToken: Ct);

        Assert.Equal(fromSpan.Centroids, fromDataset.Centroids);
        Assert.Equal(fromSpan.Labels, fromDataset.Labels);
    }
}
