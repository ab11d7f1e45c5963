using System.Text.Json;
using GpuKMeans.Tests.Reference;
using GpuKMeans.Tests.Scaling;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// <c>fit --device-memory MB</c> streams the points, <c>--devices 0,1</c> shards them, and a float32 .npy or raw file is read
/// in place by the fit: the same clustering as the plain fit, and clear errors naming the option or the file.
/// </summary>
public sealed class CliScalingTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void StreamingAndShardingGiveThePlainFitsClustering()
    {
        int seed = TestData.NewSeed();
        const int n = 100_000, d = 4, k = 5;   // 2.4 MB of points against a 1 MiB budget
        var points = ScalingData.Blobs(n, d, k, seed);
        string npy = WriteBytes("points.npy", CliNpy.Float32(points, n, d));
        string raw = WriteBytes("points.f32", System.Runtime.InteropServices.MemoryMarshal.AsBytes(points.AsSpan()).ToArray());

        var plain = Fit(npy, "--backend", "cpu", "--seed", "4");
        var streamed = Fit(npy, "--backend", "cpu", "--seed", "4", "--device-memory", "1", "--devices", "0,1", "-v");
        var fromRaw = Fit(raw, "--dims", $"{d}", "--backend", "cpu", "--seed", "4", "--device-memory", "1");
        Assert.Contains("streamed through", streamed.Run.Err);
        Assert.Contains("read in place", streamed.Run.Err);
        foreach (var other in new[] { streamed, fromRaw })
        {
            Assert.Equal(plain.Json.GetProperty("clusterSizes").ToString(), other.Json.GetProperty("clusterSizes").ToString());
            double expected = plain.Json.GetProperty("inertia").GetDouble();
            Assert.Equal(expected, other.Json.GetProperty("inertia").GetDouble(), 1e-6 * expected);
        }
    }

    [Fact]
    public void ANonFiniteValueInAFileReadInPlaceNamesTheFileRowAndColumn()
    {
        var points = new float[50 * 3];
        points[31 * 3 + 1] = float.PositiveInfinity;
        string npy = WriteBytes("bad.npy", CliNpy.Float32(points, 50, 3));
        var run = CliRun.Of("fit", npy, "--k", "2", "--backend", "cpu");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.npy", run.Err);
        Assert.Contains("bad.npy: row 31, column 1 (0-based)", run.Err);
        Assert.Contains("is not a finite number", run.Err);
    }

    [Theory]
    [InlineData("--device-memory", "0", "--device-memory must be at least 1")]
    [InlineData("--devices", "0,x", "--devices: 'x' is not a device index")]
    [InlineData("--devices", "0,0", "--devices 0,0")]
    public void BadScalingOptionsAreNamed(string option, string value, string message)
    {
        string csv = _dir.Write("p.csv", CliData.ThreeBlobsCsv(5, header: false));
        var run = CliRun.Of("fit", csv, "--k", "2", "--backend", "cpu", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err);
    }

    [Fact]
    public void DevicesNeedANamedBackend()
    {
        string csv = _dir.Write("p.csv", CliData.ThreeBlobsCsv(5, header: false));
        var run = CliRun.Of("fit", csv, "--k", "2", "--devices", "0,1");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--devices needs --backend", run.Err);
    }

    private string WriteBytes(string name, byte[] content)
    {
        string path = _dir.PathOf(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static (CliRun Run, JsonElement Json) Fit(string input, params string[] options)
    {
        var run = CliRun.Of(["fit", input, "--k", "5", "--json", .. options]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return (run, JsonDocument.Parse(run.Out).RootElement.Clone());
    }
}
