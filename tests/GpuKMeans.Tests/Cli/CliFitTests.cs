using System.Globalization;
using System.Text.Json;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>gpukmeans fit</c> on good input: the summary, the JSON and the output files.</summary>
public sealed class CliFitTests : IDisposable
{
    private const int PerBlob = 20;
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SummaryDescribesTheFit(bool header)
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(PerBlob, header));

        var run = CliRun.Of(CliData.FitArgs(input, 3));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Err);
        Assert.Contains($"{PerBlob * 3} points × 2 dimensions", run.Out);
        Assert.Equal(header, run.Out.Contains("header row skipped", StringComparison.Ordinal));
        Assert.Contains("CPU", run.Out);
        foreach (string field in new[] { "Device", "Iterations", "Converged", "Inertia", "cluster", "size" })
            Assert.Contains(field, run.Out);
        // The cluster table: three rows of cluster, size (20 each) and the two coordinates.
        var rows = run.Out.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .SkipWhile(cells => cells is not ["cluster", "size", ..]).ToArray();
        Assert.Equal(header ? ["cluster", "size", "x", "y"] : ["cluster", "size", "x0", "x1"], rows[0]); // FeatureNames: as in plots and reports
        Assert.Equal(["20", "20", "20"], rows.Skip(1).Take(3).Select(cells => cells[1]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void JsonHasTheResultAndNothingElseIsPrinted(bool header)
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(PerBlob, header));

        var run = CliRun.Of(CliData.FitArgs(input, 3, "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(PerBlob * 3, root.GetProperty("points").GetInt32());
        Assert.Equal(2, root.GetProperty("dimensions").GetInt32());
        Assert.Equal(3, root.GetProperty("k").GetInt32());
        Assert.Equal("CPU", root.GetProperty("backend").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("device").GetString()));
        Assert.True(root.GetProperty("converged").GetBoolean());
        Assert.InRange(root.GetProperty("iterations").GetInt32(), 1, 300);
        Assert.InRange(root.GetProperty("inertia").GetDouble(), 0, PerBlob * 3 * 0.5);
        Assert.Equal([PerBlob, PerBlob, PerBlob], root.GetProperty("clusterSizes").EnumerateArray().Select(e => e.GetInt32()));
        var centroids = root.GetProperty("centroids").EnumerateArray().ToArray();
        Assert.Equal(3, centroids.Length);
        Assert.All(centroids, c => Assert.Equal(2, c.GetArrayLength()));
    }

    [Fact]
    public void LabelsAndCentroidsFilesMatchTheJson()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(PerBlob, header: true));
        string labelsPath = _dir.PathOf("labels.csv");
        string centroidsPath = _dir.PathOf("centroids.csv");
        File.WriteAllText(labelsPath, "stale content that must be replaced\n".PadRight(10_000, '#'));

        var run = CliRun.Of(CliData.FitArgs(input, 3, "--json", "--labels", labelsPath, "--centroids", centroidsPath));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        int[] sizes = [.. json.RootElement.GetProperty("clusterSizes").EnumerateArray().Select(e => e.GetInt32())];
        float[][] jsonCentroids = [.. json.RootElement.GetProperty("centroids").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.GetSingle()).ToArray())];

        int[] labels = [.. File.ReadAllLines(labelsPath).Select(line => int.Parse(line, CultureInfo.InvariantCulture))];
        Assert.Equal(PerBlob * 3, labels.Length);
        Assert.Equal(sizes, Enumerable.Range(0, 3).Select(c => labels.Count(l => l == c)));
        for (int i = 3; i < labels.Length; i++)
            Assert.Equal(labels[i % 3], labels[i]); // row i is in blob i % 3

        float[][] fileCentroids = [.. File.ReadAllLines(centroidsPath)
            .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
        Assert.Equal(jsonCentroids, fileCentroids); // both round-trip exactly
        Assert.Equal(["blobs.csv", "centroids.csv", "labels.csv"], _dir.FileNames()); // no temp file left behind
    }

    [Fact]
    public void InitFromACentroidsFileKeepsItsOrder()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(PerBlob, header: false));
        string init = _dir.Write("init.csv", "cx,cy\n10.5,-9.5\n0.5,0.5\n9.5,10.5\n");

        var run = CliRun.Of(CliData.FitArgs(input, 3, "--init", init, "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(init, json.RootElement.GetProperty("init").GetString());
        double[][] centroids = [.. json.RootElement.GetProperty("centroids").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray())];
        double[][] expected = [[10, -10], [0, 0], [10, 10]];
        for (int c = 0; c < 3; c++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(expected[c][j], centroids[c][j], 0.3);
    }

    [Fact]
    public void RandomInitWithSeveralRunsAndCustomLimits()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(PerBlob, header: false));

        var run = CliRun.Of(CliData.FitArgs(input, 3, "--init", "random", "--n-init", "3", "--max-iter", "50", "--tol", "0", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal([PerBlob, PerBlob, PerBlob],
            json.RootElement.GetProperty("clusterSizes").EnumerateArray().Select(e => e.GetInt32()).Order());
    }

    [Fact]
    public void ToleratesBlankLinesQuotesAndSpaces()
    {
        string input = _dir.Write("messy.csv", "\"a\", b\r\n1, 2\r\n\r\n\"1.5\",2.5 \r\n1e1,-3E-1\r\n\r\n\r\n");

        var run = CliRun.Of(CliData.FitArgs(input, 2, "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(3, json.RootElement.GetProperty("points").GetInt32());
    }
}
