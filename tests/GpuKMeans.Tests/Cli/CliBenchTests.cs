using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>gpukmeans bench</c>: the table, the plot, the skipping of absent and too-slow backends, bad options.</summary>
public sealed class CliBenchTests
{
    [Fact]
    public void WritesATableRowPerBackendAndSizeAndAPlot()
    {
        using var dir = new CliTempDirectory();
        string md = dir.PathOf("bench.md"), png = dir.PathOf("bench.png");
        var run = CliRun.Of("bench", "--n", "500,1500", "--d", "3", "--k", "4", "--iterations", "2",
            "--backends", "scalar,cpu,ilgpu-cpu", "--out", md, "--plot", png);

        Assert.Equal(0, run.ExitCode);
        string table = File.ReadAllText(md);
        Assert.Equal(table, run.Out);
        foreach (string backend in new[] { "| scalar |", "| cpu |", "| ilgpu-cpu |" })
            Assert.Equal(2, table.Split('\n').Count(line => line.StartsWith(backend, StringComparison.Ordinal)));
        Assert.Contains("logical cores", table);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(png)[..4]);
    }

    [Fact]
    public void AbsentBackendsAreSkippedWithTheReason()
    {
        var run = CliRun.Of("bench", "--n", "300", "--d", "2", "--k", "2", "--iterations", "1", "--backends", "cpu,cuda,opencl");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("| cpu |", run.Out);
        if (!GpuKMeans.KMeansDevice.Available().Contains(GpuKMeans.KMeansBackend.Cuda))
            Assert.Contains("cuda skipped", run.Err);
    }

    [Fact]
    public void ABackendOverBudgetIsNotRunOnLargerSizes()
    {
        var run = CliRun.Of("bench", "--n", "200,400", "--d", "2", "--k", "2", "--iterations", "1", "--backends", "scalar", "--budget", "0");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not run: a smaller n took over 0 s", run.Out);
    }

    [Theory]
    [InlineData("--n", "abc")]
    [InlineData("--k", "0")]
    [InlineData("--backends", "gpu")]
    [InlineData("--iterations", "0")]
    public void BadOptionsExitWithTwoNamingTheOption(string option, string value)
    {
        var run = CliRun.Of("bench", "--n", "100", "--d", "2", "--k", "2", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option == "--backends" ? "--backend" : option, run.Err);
    }
}
