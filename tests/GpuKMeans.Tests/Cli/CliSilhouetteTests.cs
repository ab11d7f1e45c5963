using System.Globalization;
using System.Text.Json;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>gpukmeans elbow --silhouette</c>: the silhouette column in the table, the CSV and the JSON.</summary>
public sealed class CliSilhouetteTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TableHasASilhouetteColumnHighestAtTheTrueK()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(40, header: false));

        var run = CliRun.Of("elbow", input, "--k-max", "5", "--n-init", "3", "--seed", "0", "--silhouette", "--backend", "cpu");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Out.Split('\n');
        int headerAt = Array.FindIndex(lines, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SequenceEqual(["k", "inertia", "iterations", "converged", "seconds", "silhouette"]));
        Assert.True(headerAt >= 0, run.ToString());
        var cells = lines.Skip(headerAt + 1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c.Length == 6 && int.TryParse(c[0], out _))
            .ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture), c => c[5]);
        Assert.Equal([1, 2, 3, 4, 5], cells.Keys.Order());
        Assert.Equal("-", cells[1]);
        var scores = Enumerable.Range(2, 4).ToDictionary(k => k, k => double.Parse(cells[k], CultureInfo.InvariantCulture));
        Assert.All(scores.Values, s => Assert.InRange(s, -1.0, 1.0));
        Assert.Equal(3, scores.MaxBy(p => p.Value).Key);
    }

    [Fact]
    public void JsonAndCsvCarryTheSilhouette()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(30, header: true));
        string csv = _dir.PathOf("elbow.csv");

        var run = CliRun.Of("elbow", input, "--k-max", "4", "--seed", "1", "--silhouette", "--silhouette-sample", "50",
            "--csv", csv, "--json", "--backend", "cpu");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("silhouette").ValueKind);
        double[] scores = [.. results.Skip(1).Select(r => r.GetProperty("silhouette").GetDouble())];
        Assert.All(scores, s => Assert.InRange(s, -1.0, 1.0));
        Assert.Equal(1, Array.IndexOf(scores, scores.Max())); // k = 3

        string[] lines = File.ReadAllLines(csv);
        Assert.Equal("k,inertia,iterations,converged,seconds,silhouette", lines[0]);
        Assert.Equal("", lines[1].Split(',')[5]);
        for (int k = 2; k <= 4; k++)
            Assert.Equal(scores[k - 2], double.Parse(lines[k].Split(',')[5], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void WithoutTheOptionTheRowsHaveNoSilhouette()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(10, header: false));

        var run = CliRun.Of("elbow", input, "--k-max", "3", "--seed", "0", "--json", "--backend", "cpu");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.All(json.RootElement.GetProperty("results").EnumerateArray(),
            r => Assert.False(r.TryGetProperty("silhouette", out _), r.ToString()));
    }

    [Fact]
    public void SampleOfFewerThanTwoRowsIsAUsageError()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(10, header: false));

        var run = CliRun.Of("elbow", input, "--k-max", "3", "--silhouette", "--silhouette-sample", "1", "--backend", "cpu");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--silhouette-sample must be at least 2", run.Err);
    }
}
