using System.Text.Json;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>gpukmeans fit --algorithm</c>: every choice gives the same fit; an unknown one is a usage error.</summary>
public sealed class CliAlgorithmTests
{
    [Fact]
    public void EveryAlgorithmGivesTheSameFit()
    {
        using var dir = new CliTempDirectory();
        string input = dir.Write("blobs.csv", CliData.ThreeBlobsCsv(40, header: false));
        string? expected = null;
        foreach (string algorithm in new[] { "lloyd", "elkan", "yinyang", "auto" })
        {
            var run = CliRun.Of(CliData.FitArgs(input, 3, "--json", "--algorithm", algorithm));
            Assert.True(run.ExitCode == 0, run.ToString());
            using var json = JsonDocument.Parse(run.Out);
            string fit = json.RootElement.GetProperty("centroids").GetRawText() + json.RootElement.GetProperty("iterations").GetInt32();
            expected ??= fit;
            Assert.Equal(expected, fit);
        }
    }

    [Fact]
    public void UnknownAlgorithmIsAUsageError()
    {
        using var dir = new CliTempDirectory();
        string input = dir.Write("blobs.csv", CliData.ThreeBlobsCsv(10, header: false));
        var run = CliRun.Of(CliData.FitArgs(input, 3, "--algorithm", "hamerly"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("hamerly", run.Err);
    }
}
