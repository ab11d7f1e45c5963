using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>--verbose</c>: one line per iteration on standard error, standard output untouched.</summary>
public sealed partial class CliVerboseTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"^(k=(?<k>\d+) )?run (?<run>\d+) iteration (?<iteration>\d+): inertia \S+, shift \S+, changed \d+, relocated \d+, \S+ ms$")]
    private static partial Regex IterationLine();

    private static Match[] IterationLines(string err) =>
        [.. err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => IterationLine().Match(l.TrimEnd('\r'))).Where(m => m.Success)];

    [Fact]
    public void FitWritesOneLinePerIterationAndKeepsTheJsonParseable()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(30, header: false));

        var run = CliRun.Of(CliData.FitArgs(input, 3, "--json", "--verbose", "--tol", "0"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out); // stdout is the one JSON object
        int iterations = json.RootElement.GetProperty("iterations").GetInt32();
        var lines = IterationLines(run.Err);
        Assert.Equal(iterations, lines.Length);
        Assert.Equal(Enumerable.Range(1, iterations), lines.Select(m => int.Parse(m.Groups["iteration"].Value)));
        Assert.All(lines, m => Assert.Equal("0", m.Groups["run"].Value));
    }

    [Fact]
    public void SeedingWritesALinePerTenthOfTheCentres()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(30, header: false));

        var run = CliRun.Of(CliData.FitArgs(input, 3, "--verbose"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"(?m)^run 0 seeding: 1 of 3 centres \(33%\), \S+ ms\r?$", run.Err);
        Assert.Matches(@"(?m)^run 0 seeding: 3 of 3 centres \(100%\), \S+ ms\r?$", run.Err);
    }

    [Fact]
    public void EveryRunOfSeveralIsReported()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(30, header: false));

        var run = CliRun.Of(CliData.FitArgs(input, 3, "--init", "random", "--n-init", "3", "-v"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["0", "1", "2"], IterationLines(run.Err).Select(m => m.Groups["run"].Value).Distinct());
    }

    [Fact]
    public void ElbowPrefixesEveryLineWithK()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(20, header: false));

        var run = CliRun.Of("elbow", input, "--k-max", "3", "--seed", "0", "--json", "--verbose", "--backend", "cpu");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var lines = IterationLines(run.Err);
        Assert.Equal(["1", "2", "3"], lines.Select(m => m.Groups["k"].Value).Distinct());
        int total = json.RootElement.GetProperty("results").EnumerateArray().Sum(r => r.GetProperty("iterations").GetInt32());
        Assert.Equal(total, lines.Length); // one run per k: every line belongs to a kept run
    }

    [Fact]
    public void PredictVerboseKeepsTheJsonParseable()
    {
        string input = _dir.Write("p.csv", "0,0\n10,10\n");
        string centroids = _dir.Write("c.csv", "0,0\n10,10\n");

        var run = CliRun.Of("predict", input, "--centroids", centroids, "--json", "--verbose", "--backend", "cpu");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Contains("predict on", run.Err);
    }

    [Fact]
    public void WithoutVerboseStandardErrorStaysEmpty()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(10, header: false));
        var run = CliRun.Of(CliData.FitArgs(input, 3));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Err);
    }
}
