using System.Globalization;
using System.Text.Json;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>gpukmeans predict</c>: new points against saved centroids.</summary>
public sealed class CliPredictTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static int[] ReadLabels(string path) => path.EndsWith(".npy", StringComparison.Ordinal)
        ? CliNpy.Int32s(CliNpy.Read(path).Data)
        : [.. File.ReadAllLines(path).Select(l => int.Parse(l, CultureInfo.InvariantCulture))];

    [Theory]
    [InlineData("centroids.csv", "predicted.csv")]
    [InlineData("centroids.npy", "predicted.npy")]
    public void PredictAgreesWithTheFitOnTheTrainingData(string centroidsName, string labelsName)
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(50, header: true));
        string fitLabels = _dir.PathOf("fit.csv"), centroids = _dir.PathOf(centroidsName), predicted = _dir.PathOf(labelsName);
        var fit = CliRun.Of(CliData.FitArgs(input, 3, "--labels", fitLabels, "--centroids", centroids));
        Assert.True(fit.ExitCode == 0, fit.ToString());

        var run = CliRun.Of("predict", input, "--centroids", centroids, "--labels", predicted, "--backend", "cpu");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Err);
        Assert.Equal(ReadLabels(fitLabels), ReadLabels(predicted));
        Assert.Contains("Inertia", run.Out);
        Assert.Contains("cluster", run.Out);
    }

    /// <summary>Predicts five points, three near (0, 0) and two near (10, 10), against centroids (10, 10) and (0, 0) on the CPU.</summary>
    private CliRun PredictFivePoints(params string[] options) => CliRun.Of(
        ["predict", _dir.Write("new.csv", "0,0\n0.5,0\n9,9\n10,10\n11,9\n"), "--centroids", _dir.Write("c.csv", "cx,cy\n10,10\n0,0\n"),
            "--backend", "cpu", .. options]);

    [Fact]
    public void JsonCountsThePointsPerCentroid()
    {
        var run = PredictFivePoints("--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(5, root.GetProperty("points").GetInt32());
        Assert.Equal(2, root.GetProperty("k").GetInt32());
        Assert.Equal([3, 2], root.GetProperty("clusterSizes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0.25 + 2 + 2, root.GetProperty("inertia").GetDouble(), 1e-4);
    }

    [Fact]
    public void WithoutALabelsFileTheLabelsGoToStandardOutputAndTheSummaryToStandardError()
    {
        var run = PredictFivePoints();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("1\n1\n0\n0\n0\n", run.Out.ReplaceLineEndings("\n"));
        Assert.Contains("Inertia", run.Err);
        Assert.Contains("standard output", run.Err);
    }

    [Fact]
    public void JsonCarriesTheLabelsUnlessAFileGetsThem()
    {
        string input = _dir.Write("new.csv", "0,0\n9,9\n11,9\n");
        string centroids = _dir.Write("c.csv", "10,10\n0,0\n");

        var run = CliRun.Of("predict", input, "--centroids", centroids, "--json", "--backend", "cpu");
        var toFile = CliRun.Of("predict", input, "--centroids", centroids, "--json", "--backend", "cpu", "--labels", _dir.PathOf("l.csv"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal([1, 0, 0], json.RootElement.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(toFile.ExitCode == 0, toFile.ToString());
        using var fileJson = JsonDocument.Parse(toFile.Out);
        Assert.Equal(JsonValueKind.Null, fileJson.RootElement.GetProperty("labels").ValueKind);
        Assert.Equal([1, 0, 0], ReadLabels(_dir.PathOf("l.csv")));
    }

    [Fact]
    public void TiesGoToTheLowestIndex()
    {
        string input = _dir.Write("mid.csv", "5,0\n");
        string centroids = _dir.Write("c.csv", "10,0\n0,0\n");
        string labels = _dir.PathOf("l.csv");

        var run = CliRun.Of("predict", input, "--centroids", centroids, "--labels", labels, "--backend", "cpu");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["0"], File.ReadAllLines(labels));
    }

    [Fact]
    public void WidthMismatchNamesBothNumbers()
    {
        string input = _dir.Write("points.csv", "1,2\n3,4\n");
        string centroids = _dir.Write("c3.csv", "1,2,3\n");

        var run = CliRun.Of("predict", input, "--centroids", centroids, "--backend", "cpu", "--labels", _dir.PathOf("out.csv"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("c3.csv has 3 values per centroid", run.Err);
        Assert.Contains("points.csv has 2 per point", run.Err);
        Assert.Equal(["c3.csv", "points.csv"], _dir.FileNames());
    }

    [Theory]
    [InlineData("missing.csv", "file not found")]
    [InlineData("bad.csv", "bad.csv:2:1: 'x' is not a number")]
    public void BadCentroidsFile(string name, string expected)
    {
        _dir.Write("bad.csv", "1,2\nx,3\n");
        var run = CliRun.Of("predict", _dir.Write("points.csv", "1,2\n"), "--centroids", _dir.PathOf(name), "--backend", "cpu");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Err);
    }

    [Fact]
    public void CentroidsAreRequired()
    {
        var run = CliRun.Of("predict", _dir.Write("points.csv", "1,2\n"));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--centroids", run.Err);
    }
}
