using GpuKMeans.Cli;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>--help</c> on the root and on <c>fit</c>, and the examples it shows.</summary>
public sealed class CliHelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void RootHelpListsFitAndExamples(string option)
    {
        var run = CliRun.Of(option);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Out);
        Assert.Contains("gpukmeans", run.Out);
        Assert.Contains("fit", run.Out);
        Assert.Contains("Examples:", run.Out);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public void FitHelpListsEveryOptionAndTheExamples()
    {
        var run = CliRun.Of("fit", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (string option in new[] { "--k", "--init", "--n-init", "--max-iter", "--tol", "--seed", "--backend", "--labels", "--centroids", "--json" })
            Assert.Contains(option, run.Out);
        Assert.Contains($"printf '{CliExamples.SampleCsv.Replace("\n", "\\n")}' > {CliExamples.SampleFile}", run.Out);
        foreach (var (args, _) in CliExamples.FitExamples)
            Assert.Contains($"gpukmeans {string.Join(' ', args)}", run.Out);
    }

    [Fact]
    public void FitHelpWorksWithoutTheRequiredOptions()
    {
        var run = CliRun.Of("fit", "data.csv", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--k", run.Out);
    }

    [Fact]
    public void TheFitExamplesRunAsWritten()
    {
        using var dir = new CliTempDirectory();
        dir.Write(CliExamples.SampleFile, CliExamples.SampleCsv);
        foreach (var (args, _) in CliExamples.FitExamples)
        {
            // The examples name files relative to the current directory; the test's directory stands in for it.
            string[] local = [.. args.Select(a => a.EndsWith(".csv", StringComparison.Ordinal) ? dir.PathOf(a) : a), "--backend", "cpu"];
            var run = CliRun.Of(local);
            Assert.True(run.ExitCode == 0, run.ToString());
        }
        Assert.Equal(6, File.ReadAllLines(dir.PathOf("labels.csv")).Length);
        Assert.Equal(2, File.ReadAllLines(dir.PathOf("centroids.csv")).Length);
    }
}
