using System.Text.Json;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>gpukmeans fit --mini-batch SIZE</c>: a mini-batch fit, its summary and JSON, and the options it refuses.</summary>
public sealed class CliMiniBatchTests : IDisposable
{
    private const int PerBlob = 40;
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void JsonReportsTheBatchAndTheStepsAndASeedRepeatsTheFit()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(PerBlob, header: false));
        string[] args = CliData.FitArgs(input, 3, "--mini-batch", "16", "--json");

        var run = CliRun.Of(args);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(16, root.GetProperty("miniBatch").GetInt32());
        int steps = root.GetProperty("steps").GetInt32();
        Assert.InRange(steps, 2, 100 * 3 * PerBlob / 16);   // at most --max-iter 100 passes
        Assert.Equal((steps * 16 + 3 * PerBlob - 1) / (3 * PerBlob), root.GetProperty("iterations").GetInt32());
        Assert.Equal([PerBlob, PerBlob, PerBlob], root.GetProperty("clusterSizes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(run.Out, CliRun.Of(args).Out);
    }

    [Fact]
    public void SummarySaysHowManyStepsOfWhatSize()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(PerBlob, header: true));

        var run = CliRun.Of(CliData.FitArgs(input, 3, "--mini-batch", "32", "--max-iter", "2"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("mini-batch steps of 32 rows", run.Out);
        Assert.Contains("3 runs", run.Out);   // scikit-learn's n_init=3
    }

    [Fact]
    public void ALloydFitHasNoMiniBatchFields()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(PerBlob, header: false));

        var run = CliRun.Of(CliData.FitArgs(input, 3, "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.False(json.RootElement.TryGetProperty("miniBatch", out _));
        Assert.False(json.RootElement.TryGetProperty("steps", out _));
    }

    [Theory]
    [InlineData(new[] { "--mini-batch", "0" }, "--mini-batch must be at least 1, got 0")]
    [InlineData(new[] { "--mini-batch", "8", "--report", "REPORT" }, "--report", "--mini-batch")]
    [InlineData(new[] { "--mini-batch", "8", "--plot-iterations", "PLOT" }, "--plot-iterations", "--mini-batch")]
    public void BadCombinationsAreUsageErrors(string[] extra, params string[] expected)
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(PerBlob, header: false));
        string[] args = [.. extra.Select(a => a switch { "REPORT" => _dir.PathOf("r.html"), "PLOT" => _dir.PathOf("p.png"), _ => a })];

        var run = CliRun.Of(CliData.FitArgs(input, 3, args));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Out);
        foreach (string text in expected)
            Assert.Contains(text, run.Err);
    }
}
