using System.Text.Json;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>gpukmeans fit --init 'k-means||'</c>: k-means‖ from the command line.</summary>
public sealed class CliKMeansParallelTests : IDisposable
{
    private const int PerBlob = 20;
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void KMeansParallelInitFindsTheBlobsAndRepeatsItselfExactly()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(PerBlob, header: false));

        var first = CliRun.Of(CliData.FitArgs(input, 3, "--init", "k-means||", "--json"));
        var second = CliRun.Of(CliData.FitArgs(input, 3, "--init", "K-MEANS||", "--json"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        using var json = JsonDocument.Parse(first.Out);
        var root = json.RootElement;
        Assert.Equal("k-means||", root.GetProperty("init").GetString());
        Assert.Equal([PerBlob, PerBlob, PerBlob], root.GetProperty("clusterSizes").EnumerateArray().Select(e => e.GetInt32()));
        using var again = JsonDocument.Parse(second.Out);
        foreach (string field in new[] { "centroids", "inertia", "iterations" })
            Assert.Equal(root.GetProperty(field).GetRawText(), again.RootElement.GetProperty(field).GetRawText());
    }

    [Fact]
    public void AnUnknownInitListsKMeansParallel()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(PerBlob, header: false));
        var run = CliRun.Of(CliData.FitArgs(input, 3, "--init", "k-means|"));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--init", run.Err);
        Assert.Contains("k-means||", run.Err);
    }
}
