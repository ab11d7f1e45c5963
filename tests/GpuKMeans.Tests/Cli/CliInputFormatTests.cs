using System.Globalization;
using System.Text.Json;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>Every input format and reading option, through <c>gpukmeans fit --json</c> on the CPU.</summary>
public sealed class CliInputFormatTests : IDisposable
{
    /// <summary>Six points in two groups: around (1, 2) and (10, 2).</summary>
    private static readonly float[] Six = [1, 2, 1, 4, 1, 0, 10, 2, 10, 4, 10, 0];

    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Fits k = 2 and returns the JSON root; checks exit 0 and that the two groups were found.</summary>
    private static JsonElement FitsTheSixPoints(string input, params string[] extra)
    {
        var run = CliRun.Of(CliData.FitArgs(input, 2, ["--json", .. extra]));
        Assert.True(run.ExitCode == 0, run.ToString());
        var root = JsonDocument.Parse(run.Out).RootElement.Clone();
        Assert.Equal(6, root.GetProperty("points").GetInt32());
        Assert.Equal(2, root.GetProperty("dimensions").GetInt32());
        Assert.Equal(16, root.GetProperty("inertia").GetDouble(), 1e-3);
        Assert.Equal([3, 3], root.GetProperty("clusterSizes").EnumerateArray().Select(e => e.GetInt32()));
        return root;
    }

    private static string Csv(string separator) =>
        string.Concat(Enumerable.Range(0, 6).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{Six[2 * i]}{separator}{Six[2 * i + 1]}\n")));

    [Theory]
    [InlineData("tab", "\t")]
    [InlineData("\\t", "\t")]
    [InlineData(";", ";")]
    [InlineData("|", "|")]
    public void DelimiterOption(string option, string separator) =>
        FitsTheSixPoints(_dir.Write("six.txt", "a" + separator + "b\n" + Csv(separator)), "--delimiter", option);

    [Fact]
    public void TsvIsTabSeparatedByDefault() => FitsTheSixPoints(_dir.Write("six.tsv", Csv("\t")));

    [Theory]
    [InlineData("1,3")]
    [InlineData("1-1,3")]
    [InlineData("x,y")]
    public void ColumnsPickTheFeatures(string columns)
    {
        // id, x, label, y: only x and y are features; the text column 'label' is not read at all.
        string text = "id,x,label,y\n" + string.Concat(Enumerable.Range(0, 6).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{i},{Six[2 * i]},row{i},{Six[2 * i + 1]}\n")));
        var root = FitsTheSixPoints(_dir.Write("table.csv", text), "--columns", columns);
        Assert.Contains([1f, 2f], root.GetProperty("centroids").EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.GetSingle()).ToArray()));
    }

    [Fact]
    public void ColumnsWithoutHeaderDetectTheHeaderOnTheSelectedColumnsOnly()
    {
        string text = string.Concat(Enumerable.Range(0, 6).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"name{i},{Six[2 * i]},{Six[2 * i + 1]}\n")));
        FitsTheSixPoints(_dir.Write("named.csv", text), "--columns", "1,2");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NpyFloat32OfEveryVersion(byte version)
    {
        string path = _dir.PathOf($"six-v{version}.npy");
        File.WriteAllBytes(path, CliNpy.Float32(Six, 6, 2, version));
        FitsTheSixPoints(path);
    }

    [Fact]
    public void NpyFloat64IsConvertedToFloat32()
    {
        string path = _dir.PathOf("six.npy");
        File.WriteAllBytes(path, CliNpy.Float64([.. Six.Select(v => (double)v)], 6, 2));
        FitsTheSixPoints(path);
    }

    [Fact]
    public void NpyOneDimensionalIsOneFeature()
    {
        string path = _dir.PathOf("line.npy");
        File.WriteAllBytes(path, CliNpy.Float32([0, 1, 2, 10, 11, 12], 6, null));
        var run = CliRun.Of(CliData.FitArgs(path, 2, "--json"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(1, root.GetProperty("dimensions").GetInt32());
        Assert.Equal([1f, 11f], root.GetProperty("centroids").EnumerateArray().Select(c => c[0].GetSingle()).Order());
    }

    [Fact]
    public void NpyHeaderWithDoubleQuotesAndNoTrailingComma()
    {
        string path = _dir.PathOf("six.npy");
        File.WriteAllBytes(path, CliNpy.Build("{\"descr\":\"<f4\",\"shape\":(6,2),\"fortran_order\":False}",
            [.. Six.SelectMany(BitConverter.GetBytes)]));
        FitsTheSixPoints(path);
    }

    [Theory]
    [InlineData("six.f32", new string[0])]
    [InlineData("six.raw", new string[0])]
    [InlineData("six.data", new[] { "--format", "raw" })]
    public void RawFloat32WithDims(string name, string[] format)
    {
        string path = _dir.PathOf(name);
        File.WriteAllBytes(path, [.. Six.SelectMany(BitConverter.GetBytes)]);
        FitsTheSixPoints(path, ["--dims", "2", .. format]);
    }

    [Fact]
    public void FormatOptionOverridesTheExtension()
    {
        string path = _dir.PathOf("six.bin.csv");
        File.WriteAllBytes(path, CliNpy.Float32(Six, 6, 2));
        FitsTheSixPoints(path, "--format", "npy");
    }

    [Fact]
    public void InitCentroidsMayBeNpy()
    {
        string input = _dir.Write("six.csv", Csv(","));
        string init = _dir.PathOf("init.npy");
        File.WriteAllBytes(init, CliNpy.Float32([10, 1, 1, 1], 2, 2));
        var root = FitsTheSixPoints(input, "--init", init);
        Assert.Equal(10f, root.GetProperty("centroids")[0][0].GetSingle()); // the given order is kept
    }
}
