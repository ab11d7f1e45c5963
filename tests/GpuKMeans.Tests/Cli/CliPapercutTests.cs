using System.Text.Json;
using GpuKMeans.Cli.Plots;
using GpuKMeans.Cli.Shared;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// The small things a new user tripped over: <c>-k</c>, hints for a wrong delimiter or a text column, errors in
/// option terms, silhouettes in the elbow PNG, the files <c>fit --json</c> wrote, a real memory figure in
/// <c>devices --json</c>, and <c>--truth</c> reading <c>.npy</c>.
/// </summary>
public sealed class CliPapercutTests : IDisposable
{
    private const string SixPoints = "1,2\n1,4\n1,0\n10,2\n10,4\n10,0\n";
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ShortKIsTheKOption()
    {
        var run = CliRun.Of("fit", _dir.Write("six.csv", SixPoints), "-k", "2", "--seed", "0", "--backend", "cpu", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(2, json.RootElement.GetProperty("k").GetInt32());
    }

    [Theory]
    [InlineData("1;2\n3;4\n5;6\n", "--delimiter ';'")]
    [InlineData("1|2\n3|4\n5|6\n", "--delimiter '|'")]
    [InlineData("1\t2\n3\t4\n5\t6\n", "--delimiter tab")]
    public void NumbersJoinedByAnotherSeparatorHintAtTheDelimiter(string content, string hint)
    {
        var run = CliRun.Of(CliData.FitArgs(_dir.Write("data.csv", content), 2));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("data.csv:2:1:", run.Err);
        Assert.Contains("is not a number", run.Err);
        Assert.Contains(hint, run.Err);
    }

    [Fact]
    public void TextInAColumnHintsAtColumnsWithoutIt()
    {
        string iris = _dir.Write("iris.csv", "sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,setosa\n4.9,3,1.4,0.2,setosa\n");

        var run = CliRun.Of(CliData.FitArgs(iris, 1));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("iris.csv:2:5: 'setosa' is not a number", run.Err);
        Assert.Contains("--columns 0-3", run.Err);
        var fixedRun = CliRun.Of(CliData.FitArgs(iris, 1, "--columns", "0-3"));
        Assert.True(fixedRun.ExitCode == 0, fixedRun.ToString());
    }

    [Fact]
    public void TextInAMiddleColumnSuggestsTheOthers()
    {
        var run = CliRun.Of(CliData.FitArgs(_dir.Write("mixed.csv", "a,b,c,d\n1,x,2,3\n"), 1));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("mixed.csv:2:2:", run.Err);
        Assert.Contains("--columns 0,2-3", run.Err);
    }

    [Fact]
    public void LibraryBackendAdviceIsRewrittenInOptionTerms()
    {
        string message = CliBackends.InOptionTerms("No CUDA device was found (is the NVIDIA driver installed?). Use KMeansBackend.Auto or Cpu.");

        Assert.DoesNotContain("KMeansBackend", message);
        Assert.StartsWith("No CUDA device was found (is the NVIDIA driver installed?).", message);
        Assert.Contains("--backend auto", message);
        Assert.Contains("--backend cpu", message);
        Assert.Equal("something else", CliBackends.InOptionTerms("something else"));
    }

    [Theory]
    [InlineData("cuda", KMeansBackend.Cuda)]
    [InlineData("opencl", KMeansBackend.OpenCL)]
    public void AMissingBackendIsReportedInOptionTerms(string option, KMeansBackend backend)
    {
        var run = CliRun.Of("fit", _dir.Write("six.csv", SixPoints), "--k", "2", "--backend", option);

        if (KMeansDevice.Available().Contains(backend))
        {
            Assert.True(run.ExitCode == 0, run.ToString()); // this machine has it: nothing to report
            return;
        }
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"--backend {option}:", run.Err);
        Assert.Contains("--backend auto", run.Err);
        Assert.DoesNotContain("KMeansBackend", run.Err);
    }

    [Fact]
    public void ElbowPlotShowsTheSilhouettes()
    {
        var plot = ElbowPlot.Build([(1, 100.0), (2, 40.0), (3, 10.0)], "Elbow", [(1, null), (2, 0.5), (3, 0.625)]);

        var lines = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToArray();
        Assert.Equal(2, lines.Length);
        var silhouette = lines.Single(l => l.Axes.YAxis == plot.Axes.Right);
        Assert.Equal([0.5, 0.625], silhouette.Data.GetScatterPoints().Select(p => p.Y));
        string[] labels = [.. plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t => t.LabelText)];
        Assert.Equal(["0.500", "0.625"], labels);
        Assert.Single(ElbowPlot.Build([(1, 100.0)], "Elbow").GetPlottables().OfType<ScottPlot.Plottables.Scatter>());
    }

    [Fact]
    public void ElbowSilhouettePlotIsWritten()
    {
        string png = _dir.PathOf("elbow.png");

        var run = CliRun.Of("elbow", _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(20, header: false)), "--k-max", "4", "--seed", "0",
            "--backend", "cpu", "--silhouette", "--plot", png);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(new FileInfo(png).Length > 1000);
    }

    [Fact]
    public void FitJsonListsTheFilesItWrote()
    {
        string labels = _dir.PathOf("labels.npy"), centroids = _dir.PathOf("centroids.csv"), plot = _dir.PathOf("plot.png");

        var run = CliRun.Of(CliData.FitArgs(_dir.Write("six.csv", SixPoints), 2, "--labels", labels, "--centroids", centroids, "--plot", plot, "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        string[] files = [.. json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)];
        Assert.Equal([labels, centroids, plot], files);
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        var none = CliRun.Of(CliData.FitArgs(_dir.PathOf("six.csv"), 2, "--json"));
        using var empty = JsonDocument.Parse(none.Out);
        Assert.Equal(0, empty.RootElement.GetProperty("files").GetArrayLength());
    }

    [Fact]
    public void DevicesJsonReportsRealMemoryOrNullWithAReason()
    {
        var run = CliRun.Of("devices", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var devices = json.RootElement.GetProperty("backends").EnumerateArray().Concat(json.RootElement.GetProperty("ilgpuDevices").EnumerateArray()).ToArray();
        foreach (var device in devices)
        {
            var memory = device.GetProperty("memoryBytes");
            if (memory.ValueKind == JsonValueKind.Null)
                Assert.False(string.IsNullOrEmpty(device.GetProperty("memoryNote").GetString()), device.ToString());
            else
                Assert.InRange(memory.GetInt64(), 1, 1L << 50);
        }
        var ilgpuCpu = devices.First(d => d.GetProperty("backend").GetString() == "ilgpu-cpu");
        Assert.InRange(ilgpuCpu.GetProperty("memoryBytes").GetInt64(), 1, 1L << 50);
        Assert.Contains("host memory", ilgpuCpu.GetProperty("memoryNote").GetString());
    }

    [Fact]
    public void TruthReadsTheNpyLabelsThatFitAndGenerateWrite()
    {
        string points = _dir.PathOf("blobs.csv"), truth = _dir.PathOf("truth.npy"), fitted = _dir.PathOf("fitted.npy");
        var generate = CliRun.Of("generate", "blobs", "--n", "60", "--centers", "3", "--seed", "0", "--out", points, "--labels-out", truth);
        Assert.True(generate.ExitCode == 0, generate.ToString());

        foreach (string labels in new[] { truth, fitted })
        {
            var run = CliRun.Of(CliData.FitArgs(points, 3, "--labels", fitted, "--report", _dir.PathOf("report.html"), "--truth", labels));
            Assert.True(run.ExitCode == 0, run.ToString());
        }
        Assert.Contains("\"truth\":[", File.ReadAllText(_dir.PathOf("report.html")).Replace(" ", ""));
    }

    [Theory]
    [InlineData("'<f4'", "labels must be little-endian integers")]
    [InlineData("'<i4'", "has 2 labels but the input has 6 rows")]
    public void TruthNpyThatDoesNotFitIsExplained(string descr, string expected)
    {
        string truth = _dir.PathOf("truth.npy");
        File.WriteAllBytes(truth, CliNpy.Build($"{{'descr': {descr}, 'fortran_order': False, 'shape': (2,), }}", new byte[8]));

        var run = CliRun.Of(CliData.FitArgs(_dir.Write("six.csv", SixPoints), 2, "--report", _dir.PathOf("r.html"), "--truth", truth));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--truth", run.Err);
        Assert.Contains(expected, run.Err);
    }
}
