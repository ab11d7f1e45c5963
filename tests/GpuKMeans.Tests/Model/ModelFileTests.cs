using System.Text.Json.Nodes;
using GpuKMeans;
using GpuKMeans.Tests.Api;
using GpuKMeans.Tests.Cli;
using Xunit;

namespace GpuKMeans.Tests.Model;

/// <summary>KMeansModel.Save and Load: everything round-trips, and files that are not ours say what is wrong and where.</summary>
public sealed class ModelFileTests(CpuDeviceFixture fixture) : IClassFixture<CpuDeviceFixture>, IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private KMeansModel FittedModel()
    {
        var options = new KMeansOptions { ClusterCount = 3, Seed = 42, MaxIterations = 50, Backend = KMeansBackend.Cpu };
        using var kmeans = new KMeans(options, fixture.Device);
        var result = kmeans.Fit(ApiData.Blobs(20, seed: 5), 2, cancellationToken: TestContext.Current.CancellationToken);
        return result.ToModel(options, new FeatureScaling("standard", [1.5, -2], [0.5, 3]), ["x", "y"]);
    }

    [Fact]
    public void SaveThenLoadKeepsEverything()
    {
        var model = FittedModel();
        string path = _dir.PathOf("model.json");
        model.Save(path);
        var loaded = KMeansModel.Load(path);

        Assert.Equal(model.Centroids, loaded.Centroids);
        Assert.Equal(model.ClusterCount, loaded.ClusterCount);
        Assert.Equal(model.Dimensions, loaded.Dimensions);
        Assert.Equal(["x", "y"], loaded.FeatureNames);
        Assert.Equal("standard", loaded.Scaling!.Method);
        Assert.Equal(model.Scaling!.Offsets, loaded.Scaling.Offsets);
        Assert.Equal(model.Scaling.Scales, loaded.Scaling.Scales);
        Assert.Equal(model.Options, loaded.Options);
        Assert.Equal(42, loaded.Options!.Seed);
        Assert.Equal(60, loaded.TrainingRowCount);
        Assert.Equal(model.Inertia, loaded.Inertia);
        Assert.Equal(model.Iterations, loaded.Iterations);
        Assert.Equal(model.Converged, loaded.Converged);
        Assert.Equal(model.LibraryVersion, loaded.LibraryVersion);
        Assert.Equal("CPU", loaded.BackendName);
        Assert.Equal(model.DeviceName, loaded.DeviceName);
        float[] raw = [1, 2, 3, 4, -5, 6];
        Assert.Equal(model.Predict(raw), loaded.Predict(raw));
        Assert.Equal(model.ToString(), loaded.ToString());

        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("gpukmeans-model", (string?)json["format"]);
        Assert.Equal(KMeansModel.FormatVersion, (int)json["formatVersion"]!);
        Assert.Equal("KMeansPlusPlus", (string?)json["options"]!["init"]);
    }

    [Fact]
    public void AModelWithoutAFitRoundTripsItsUnknowns()
    {
        var model = KMeansModel.FromCentroids([1, 2, 3, 4], 2);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = KMeansModel.Load(stream);
        Assert.True(double.IsNaN(loaded.Inertia));
        Assert.Null(loaded.Scaling);
        Assert.Null(loaded.Options);
        Assert.Empty(loaded.FeatureNames);
        Assert.Equal(model.Centroids, loaded.Centroids);
    }

    [Theory]
    [InlineData("{\"centroids\": [[1, 2]]}", "is JSON but not a GpuKMeans model")]
    [InlineData("[1, 2, 3]", "is JSON but not a GpuKMeans model")]
    [InlineData("1,2\n3,4\n", "is not a valid GpuKMeans model file")]
    [InlineData("{\"format\": \"gpukmeans-model\", \"formatVersion\": 1, \"clusterCount\": 2", "is not a valid GpuKMeans model file")]
    [InlineData("{\"format\": \"gpukmeans-model\", \"clusterCount\": 1}", "has no valid \"formatVersion\"")]
    [InlineData("{\"format\": \"gpukmeans-model\", \"formatVersion\": 99}", "has formatVersion 99, but this GpuKMeans")]
    [InlineData("{\"format\": \"gpukmeans-model\", \"formatVersion\": 1, \"dimensions\": 2, \"centroids\": [[1, 2]]}", "has no \"clusterCount\"")]
    [InlineData("{\"format\": \"gpukmeans-model\", \"formatVersion\": 1, \"clusterCount\": 2, \"dimensions\": 2, \"centroids\": [[1, 2], [3]]}",
        "has centroid 1 with 1 values but dimensions=2")]
    [InlineData("{\"format\": \"gpukmeans-model\", \"formatVersion\": 1, \"clusterCount\": 1, \"dimensions\": 2, \"centroids\": [[1, 2]], "
        + "\"scaling\": {\"method\": \"standard\", \"offsets\": [0, 0], \"scales\": [1, -1]}}", "scales has -1 at feature 1")]
    public void ForeignOldOrDamagedFilesNameTheFileAndTheProblem(string content, string expected)
    {
        string path = _dir.Write("model.json", content);
        var error = Assert.Throws<InvalidDataException>(() => KMeansModel.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        string path = _dir.PathOf("absent.json");
        var error = Assert.Throws<FileNotFoundException>(() => KMeansModel.Load(path));
        Assert.Contains("absent.json", error.Message);
    }
}
