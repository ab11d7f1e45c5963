using GpuKMeans;
using GpuKMeans.Tests.Api;
using Xunit;

namespace GpuKMeans.Tests.Model;

/// <summary>A fitted model predicts by itself, in the original units when it carries a scaling, on the CPU or a given device.</summary>
public sealed class KMeansModelTests(CpuDeviceFixture fixture) : IClassFixture<CpuDeviceFixture>
{
    private static readonly KMeansOptions Options = new() { ClusterCount = 3, Seed = 0, Backend = KMeansBackend.Cpu };

    private KMeansResult FitBlobs(float[] points)
    {
        using var kmeans = new KMeans(Options, fixture.Device);
        return kmeans.Fit(points, 2, cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public void ModelPredictsTransformsAndScoresLikeTheEstimator()
    {
        float[] points = ApiData.Blobs(30, seed: 1);
        var result = FitBlobs(points);
        var model = result.ToModel(Options);
        using var kmeans = new KMeans(Options, fixture.Device);

        Assert.Equal(result.Labels.ToArray(), model.Predict(points));
        Assert.Equal(kmeans.Predict(result, points), model.Predict(points, fixture.Device));
        Assert.Equal(kmeans.Transform(result, points), model.Transform(points));
        Assert.Equal(kmeans.Score(result, points), model.Score(points), 6);
        Assert.Equal(-result.Inertia, model.Score(points), 3);
        Assert.Equal(90, model.TrainingRowCount);
        Assert.Equal(result.Inertia, model.Inertia);
        Assert.Equal("CPU", model.BackendName);
        Assert.Same(model.ToResult(), model.ToResult());
    }

    [Fact]
    public void ScaledModelTakesOriginalUnits()
    {
        // Feature 0 in thousands, feature 1 in thousandths: the model was fitted on standardised values.
        var scaling = new FeatureScaling("standard", [5000, 0.5], [1000, 0.001]);
        float[] scaledPoints = ApiData.Blobs(30, seed: 2);
        float[] rawPoints = scaling.Invert(scaledPoints);
        var result = FitBlobs(scaledPoints);
        var model = result.ToModel(Options, scaling, ["price", "ratio"]);
        using var kmeans = new KMeans(Options, fixture.Device);

        Assert.Equal(result.Labels.ToArray(), model.Predict(rawPoints));
        var onScaled = kmeans.Transform(result, scaling.Apply(rawPoints));
        var viaModel = model.Transform(rawPoints);
        for (int i = 0; i < onScaled.Length; i++)
            Assert.Equal(onScaled[i], viaModel[i], 4);
        Assert.Equal(scaling.Invert(result.Centroids.AsSpan()), model.GetCentroidsInOriginalUnits());
    }

    [Fact]
    public void DoubleAndJaggedInputGiveTheSameAnswersAsFloat()
    {
        float[] points = ApiData.Blobs(20, seed: 3);
        var model = FitBlobs(points).ToModel();
        int n = points.Length / 2;
        double[] doubles = [.. points.Select(v => (double)v)];
        var floatMatrix = new float[n, 2];
        var doubleMatrix = new double[n, 2];
        var floatRows = new float[n][];
        var doubleRows = new double[n][];
        for (int i = 0; i < n; i++)
        {
            floatRows[i] = [points[2 * i], points[2 * i + 1]];
            doubleRows[i] = [points[2 * i], points[2 * i + 1]];
            for (int j = 0; j < 2; j++)
                (floatMatrix[i, j], doubleMatrix[i, j]) = (points[2 * i + j], points[2 * i + j]);
        }

        int[] labels = model.Predict(points);
        Assert.Equal(labels, model.Predict(doubles));
        Assert.Equal(labels, model.Predict(floatMatrix));
        Assert.Equal(labels, model.Predict(doubleMatrix));
        Assert.Equal(labels, model.Predict(floatRows));
        Assert.Equal(labels, model.Predict(doubleRows));

        float[] distances = model.Transform(points);
        Assert.Equal(distances, model.Transform(doubles));
        Assert.Equal(distances, Flatten(model.Transform(floatMatrix)));
        Assert.Equal(distances, Flatten(model.Transform(doubleMatrix)));
        Assert.Equal(distances, model.Transform(floatRows).SelectMany(row => row));
        Assert.Equal(distances, model.Transform(doubleRows).SelectMany(row => row));

        double score = model.Score(points);
        Assert.Equal(score, model.Score(doubles));
        Assert.Equal(score, model.Score(floatMatrix));
        Assert.Equal(score, model.Score(doubleMatrix));
        Assert.Equal(score, model.Score(floatRows));
        Assert.Equal(score, model.Score(doubleRows));
    }

    [Fact]
    public void BadRowsAreNamed()
    {
        var model = KMeansModel.FromCentroids([0, 0, 1, 1], 2);

        var ragged = Assert.Throws<ArgumentException>(() => model.Predict(new double[][] { [1, 2], [3], [4, 5] }));
        Assert.Equal("points", ragged.ParamName);
        Assert.Contains("points[1] has 1 values but the model has 2 features", ragged.Message);

        var missing = Assert.Throws<ArgumentException>(() => model.Transform(new float[][] { [1, 2], null! }));
        Assert.Equal("points", missing.ParamName);
        Assert.Contains("points[1] is null", missing.Message);

        var huge = Assert.Throws<ArgumentException>(() => model.Score(new double[] { 1, 2, 3, 1e300 }));
        Assert.Equal("points", huge.ParamName);
        Assert.Contains("row 1, column 1", huge.Message);

        var nan = Assert.Throws<ArgumentException>(() => model.Predict(new double[,] { { 1, 2 }, { double.NaN, 0 } }));
        Assert.Contains("row 1, column 0", nan.Message);

        var columns = Assert.Throws<ArgumentException>(() => model.Predict(new float[3, 3]));
        Assert.Contains("3 columns but the model was fitted on 2", columns.Message);

        Assert.Throws<ArgumentNullException>(() => model.Predict((float[][])null!));
    }

    [Fact]
    public void ScalingAndNamesMustMatchTheCentroids()
    {
        var scaling = new FeatureScaling("standard", [0, 0, 0], [1, 1, 1]);
        Assert.Equal("scaling", Assert.Throws<ArgumentException>(() => KMeansModel.FromCentroids([0, 0], 2, scaling)).ParamName);
        Assert.Equal("featureNames", Assert.Throws<ArgumentException>(() => KMeansModel.FromCentroids([0, 0], 2, featureNames: ["x"])).ParamName);
        var badScale = Assert.Throws<ArgumentException>(() => new FeatureScaling("standard", [0, 0], [1, 0]));
        Assert.Equal("scales", badScale.ParamName);
        Assert.Contains("feature 1", badScale.Message);
    }

    [Fact]
    public void ToStringSaysKDimensionsInertiaIterationsAndBackend()
    {
        var result = FitBlobs(ApiData.Blobs(10, seed: 4));
        string text = result.ToString();
        Assert.StartsWith("KMeansResult: k=3, d=2, inertia=", text);
        Assert.Contains($"{result.Iterations} iteration", text);
        Assert.Contains("CPU", text);

        var model = result.ToModel(Options, new FeatureScaling("minmax", [0, 0], [1, 1]));
        Assert.StartsWith("KMeansModel: k=3, d=2, inertia=", model.ToString());
        Assert.Contains("minmax scaling", model.ToString());
        Assert.Contains("trained on 30 rows", model.ToString());
        Assert.Contains("inertia=unknown", KMeansModel.FromCentroids([0, 0], 2).ToString());
    }

    [Fact]
    public void TheDefaultClusterCountOnTooFewPointsSaysSo()
    {
        using var kmeans = new KMeans(new KMeansOptions { Backend = KMeansBackend.Cpu }, fixture.Device);
        var error = Assert.Throws<ArgumentException>(() => kmeans.Fit([1, 2, 3, 4, 5, 6], 2, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("points", error.ParamName);
        Assert.Contains("n_samples=3 should be >= n_clusters=8", error.Message);
        Assert.Contains("the default; set KMeansOptions.ClusterCount", error.Message);

        using var five = new KMeans(new KMeansOptions { ClusterCount = 5, Backend = KMeansBackend.Cpu }, fixture.Device);
        var explicitK = Assert.Throws<ArgumentException>(() => five.Fit([1, 2, 3, 4, 5, 6], 2, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("n_samples=3 should be >= n_clusters=5", explicitK.Message);
        Assert.DoesNotContain("default", explicitK.Message);
    }

    private static float[] Flatten(float[,] matrix) => [.. matrix.Cast<float>()];
}
