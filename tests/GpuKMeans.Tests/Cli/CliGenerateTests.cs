using System.Globalization;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>gpukmeans generate blobs</c>.</summary>
public sealed class CliGenerateTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void CsvPointsAndLabelsHaveTheRequestedShape()
    {
        string points = _dir.PathOf("b.csv"), labels = _dir.PathOf("t.csv");

        var run = CliRun.Of("generate", "blobs", "--n", "301", "--centers", "3", "--dims", "4", "--seed", "5", "--out", points, "--labels-out", labels);

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] rows = File.ReadAllLines(points);
        Assert.Equal(301, rows.Length);
        Assert.All(rows, r => Assert.Equal(4, r.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).Count()));
        int[] truth = [.. File.ReadAllLines(labels).Select(l => int.Parse(l, CultureInfo.InvariantCulture))];
        Assert.Equal([101, 100, 100], Enumerable.Range(0, 3).Select(c => truth.Count(l => l == c)));
        Assert.Contains("301 × 4", run.Out);
    }

    [Fact]
    public void GivenCentresAsNpyWithLabels()
    {
        string points = _dir.PathOf("b.npy"), labels = _dir.PathOf("t.npy");

        var run = CliRun.Of("generate", "blobs", "--n", "200", "--centers", "0,0;50,50", "--std", "0.1", "--seed", "1", "--out", points, "--labels-out", labels);

        Assert.True(run.ExitCode == 0, run.ToString());
        var (dict, data) = CliNpy.Read(points);
        Assert.Contains("'descr': '<f4'", dict);
        Assert.Contains("'shape': (200, 2)", dict);
        float[] values = CliNpy.Float32s(data);
        int[] truth = CliNpy.Int32s(CliNpy.Read(labels).Data);
        Assert.Equal(200, truth.Length);
        for (int i = 0; i < 200; i++)
        {
            float centre = truth[i] * 50f;
            Assert.InRange(values[2 * i], centre - 1, centre + 1);
            Assert.InRange(values[2 * i + 1], centre - 1, centre + 1);
        }
        Assert.NotEqual(Enumerable.Range(0, 200).Select(i => i >= 100 ? 1 : 0), truth); // shuffled
    }

    [Fact]
    public void SameSeedSameBytes()
    {
        string a = _dir.PathOf("a.f32"), b = _dir.PathOf("b.f32");
        Assert.Equal(0, CliRun.Of("generate", "blobs", "--n", "50", "--centers", "2", "--seed", "9", "--out", a).ExitCode);
        Assert.Equal(0, CliRun.Of("generate", "blobs", "--n", "50", "--centers", "2", "--seed", "9", "--out", b).ExitCode);
        Assert.Equal(400, new FileInfo(a).Length); // raw float32: 50 × 2 × 4 bytes
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Theory]
    [InlineData(new[] { "--n", "0", "--centers", "2" }, "--n must be at least 1")]
    [InlineData(new[] { "--n", "10", "--centers", "0" }, "--centers must be at least 1")]
    [InlineData(new[] { "--n", "10", "--centers", "1,2;3" }, "same number of coordinates")]
    [InlineData(new[] { "--n", "10", "--centers", "1,2;3,x" }, "'x' is not a finite number")]
    [InlineData(new[] { "--n", "10", "--centers", "1,2", "--dims", "3" }, "--dims 3 does not match")]
    [InlineData(new[] { "--n", "10", "--centers", "2", "--std", "-1" }, "--std")]
    [InlineData(new[] { "--n", "10" }, "--centers")]
    public void BadOptions(string[] options, string expected)
    {
        var run = CliRun.Of(["generate", "blobs", .. options, "--out", _dir.PathOf("x.csv")]);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Err);
        Assert.Empty(_dir.FileNames());
    }
}
