using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>fit --plot/--plot-iterations/--report/--truth/--elbow</c>: the files appear, hold what was asked, and misuse exits 2.</summary>
public sealed class CliReportTests
{
    private const string Points = "0,0\n0,1\n1,0\n10,10\n10,11\n11,10\n20,0\n20,1\n21,0\n";

    [Fact]
    public void WritesPlotsAndAReportWithTruthAndElbow()
    {
        using var dir = new CliTempDirectory();
        string input = dir.Write("points.csv", Points);
        string truth = dir.Write("truth.csv", "0\n0\n0\n1\n1\n1\n2\n2\n2\n");
        var run = CliRun.Of("fit", input, "--k", "3", "--seed", "0", "--backend", "cpu",
            "--plot", dir.PathOf("clusters.png"), "--plot-iterations", dir.PathOf("iterations.png"),
            "--report", dir.PathOf("report.html"), "--truth", truth, "--elbow", "4");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (string png in new[] { "clusters.png", "iterations.png" })
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(dir.PathOf(png))[..4]);
        string html = File.ReadAllText(dir.PathOf("report.html"));
        Assert.Contains("id=\"truth\"", html);
        Assert.Contains("id=\"elbow\"", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal));
        Assert.Equal(["clusters.png", "iterations.png", "points.csv", "report.html", "truth.csv"], dir.FileNames());
    }

    [Theory]
    [InlineData("--truth")]
    [InlineData("--elbow")]
    public void ReportOnlyOptionsWithoutReportExitTwo(string option)
    {
        using var dir = new CliTempDirectory();
        string input = dir.Write("points.csv", Points);
        string value = option == "--truth" ? dir.Write("truth.csv", "0\n0\n0\n1\n1\n1\n2\n2\n2\n") : "3";
        var run = CliRun.Of("fit", input, "--k", "3", "--backend", "cpu", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Err);
    }

    [Fact]
    public void TruthWithTheWrongRowCountExitsTwoAndWritesNothing()
    {
        using var dir = new CliTempDirectory();
        string input = dir.Write("points.csv", Points);
        string truth = dir.Write("truth.csv", "0\n1\n");
        var run = CliRun.Of("fit", input, "--k", "3", "--backend", "cpu", "--report", dir.PathOf("report.html"), "--truth", truth);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("truth.csv has 2 labels", run.Err);
        Assert.False(File.Exists(dir.PathOf("report.html")));
    }
}
