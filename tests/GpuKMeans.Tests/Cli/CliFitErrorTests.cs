using GpuKMeans;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// Bad usage and bad input: exit code 2, a message on standard error that names the file with the line and column,
/// or the option, nothing on standard output, and no output file left behind.
/// </summary>
public sealed class CliFitErrorTests : IDisposable
{
    private const string Good = "1,2\n1,4\n1,0\n10,2\n10,4\n10,0\n";
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Runs a CPU fit of <paramref name="input"/> asking for both output files and checks the failure.</summary>
    private CliRun FailsWith(string input, int k, string[] extra, params string[] expectedInMessage)
    {
        string[] before = _dir.FileNames();
        var run = CliRun.Of(CliData.FitArgs(input, k,
            [.. extra, "--labels", _dir.PathOf("labels.out.csv"), "--centroids", _dir.PathOf("centroids.out.csv")]));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Out);
        foreach (string expected in expectedInMessage)
            Assert.Contains(expected, run.Err);
        Assert.Equal(before, _dir.FileNames()); // no output file, no temp file
        return run;
    }

    [Fact]
    public void MissingFile() =>
        FailsWith(_dir.PathOf("nope.csv"), 2, [], "file not found: ", "nope.csv");

    [Theory]
    [InlineData("1,2\n3,4\n5,abc\n", "data.csv:3:2: 'abc' is not a number")]
    [InlineData("x,y\n1,2\n\n3,4\nfoo,5\n", "data.csv:5:1: 'foo' is not a number")] // header and blank lines count as lines
    [InlineData("1,2\r\n3,4\r\n5,\r\n", "data.csv:3:2: empty cell")]
    [InlineData("1,2,3\n4,5,6\n7,8\n", "data.csv:3: expected 3 columns, found 2")]
    [InlineData("a,b\n1,2\n3,4,5\n", "data.csv:3: expected 2 columns, found 3")]
    [InlineData("1,2\n3,NaN\n", "data.csv:2:2: 'NaN' is not a finite number")]
    [InlineData("1,2\n3,4\nInfinity,4\n", "data.csv:3:1: 'Infinity' is not a finite number")]
    [InlineData("1,2\n3,-Infinity\n", "data.csv:2:2: '-Infinity' is not a finite number")]
    [InlineData("1,2\n3,1e39\n", "data.csv:2:2: '1e39' is too large")]
    public void BadCellsNameFileLineAndColumn(string csv, string expected)
    {
        string input = _dir.Write("data.csv", csv);
        FailsWith(input, 1, [], expected);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("\n\n", "is empty")]
    [InlineData("x,y\n", "no rows of numbers")]
    public void EmptyFiles(string csv, string expected) =>
        FailsWith(_dir.Write("empty.csv", csv), 1, [], "empty.csv", expected);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("7")] // more clusters than the 6 rows
    public void KOutOfRangeNamesTheOption(string k)
    {
        string input = _dir.Write("data.csv", Good);
        var run = CliRun.Of("fit", input, "--k", k, "--backend", "cpu");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--k", run.Err);
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "--bogus")]
    [InlineData(new[] { "--k", "x" }, "--k")]
    [InlineData(new[] { "--init", "kmeans" }, "--init")]
    [InlineData(new[] { "--backend", "gpu" }, "--backend")]
    [InlineData(new[] { "--n-init", "0" }, "--n-init")]
    [InlineData(new[] { "--max-iter", "0" }, "--max-iter")]
    [InlineData(new[] { "--tol", "-1" }, "--tol")]
    [InlineData(new[] { "--labels", "no/such/dir/labels.csv" }, "--labels")]
    public void BadOptionsNameTheOption(string[] options, string expected)
    {
        string input = _dir.Write("data.csv", Good);
        var run = CliRun.Of(["fit", input, "--k", "2", "--backend", "cpu", .. options]);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Err);
        Assert.Equal(["data.csv"], _dir.FileNames());
    }

    [Fact]
    public void MissingKNamesTheOption()
    {
        var run = CliRun.Of("fit", _dir.Write("data.csv", Good));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--k", run.Err);
    }

    [Fact]
    public void UnknownRootOptionIsAUsageError()
    {
        var run = CliRun.Of("--bogus");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--bogus", run.Err);
    }

    [Theory]
    [InlineData("1,2\n", "init.csv: expected 2 rows")]
    [InlineData("1,2\n3,4\n5,6\n", "init.csv: expected 2 rows")]
    [InlineData("c1,c2,c3\n1,2,3\n4,5,6\n", "init.csv:2: expected 2 columns")]
    [InlineData("1,2\n3,nan\n", "init.csv:2:2:")]
    [InlineData("", "init.csv: the file is empty")]
    public void CentroidsFileOfTheWrongShape(string csv, string expected)
    {
        string input = _dir.Write("data.csv", Good);
        string init = _dir.Write("init.csv", csv);
        FailsWith(input, 2, ["--init", init], expected);
    }

    [Fact]
    public void CudaWithoutACudaDeviceIsAUsageError()
    {
        Assert.SkipWhen(KMeansDevice.Available().Contains(KMeansBackend.Cuda), "this machine has a CUDA device");
        string input = _dir.Write("data.csv", Good);
        var run = CliRun.Of("fit", input, "--k", "2", "--backend", "cuda", "--labels", _dir.PathOf("labels.csv"));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--backend cuda", run.Err);
        Assert.Contains("CUDA", run.Err);
        Assert.Equal(["data.csv"], _dir.FileNames());
    }
}
