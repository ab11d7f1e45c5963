using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>--scale</c>: the fit runs on scaled data, and every reported centroid is back in the original units.</summary>
public sealed class CliScaleTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Three blobs at (0, 0), (1, 1) and (2, 0) in "unit" space, mapped to x = 100000 + 1000 u and y = 5 + 0.01 v:
    /// a large offset and very different scales per column, but the same partition whichever way it is scaled.
    /// </summary>
    private string WriteOffsetBlobs()
    {
        double[][] centres = [[0, 0], [1, 1], [2, 0]];
        var random = new Random(3);
        var text = new StringBuilder("x,y\n");
        for (int i = 0; i < 300; i++)
        {
            var c = centres[i % 3];
            double u = c[0] + 0.05 * (random.NextDouble() - 0.5), v = c[1] + 0.05 * (random.NextDouble() - 0.5);
            text.Append(CultureInfo.InvariantCulture, $"{100000 + 1000 * u:R},{5 + 0.01 * v:R}\n");
        }
        return _dir.Write("offset.csv", text.ToString());
    }

    private static float[][] SortedCentroids(JsonElement root) =>
        [.. root.GetProperty("centroids").EnumerateArray()
            .Select(c => c.EnumerateArray().Select(v => v.GetSingle()).ToArray())
            .OrderBy(c => c[0])];

    [Theory]
    [InlineData("standard")]
    [InlineData("minmax")]
    public void CentroidsOfAScaledFitAreInOriginalUnits(string scale)
    {
        string input = WriteOffsetBlobs();
        var plain = CliRun.Of(CliData.FitArgs(input, 3, "--json"));
        string centroidsFile = _dir.PathOf($"centroids-{scale}.csv");
        var scaled = CliRun.Of(CliData.FitArgs(input, 3, "--json", "--scale", scale, "--centroids", centroidsFile));
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(scaled.ExitCode == 0, scaled.ToString());

        using var plainJson = JsonDocument.Parse(plain.Out);
        using var scaledJson = JsonDocument.Parse(scaled.Out);
        Assert.Equal("none", plainJson.RootElement.GetProperty("scale").GetString());
        Assert.Equal(scale, scaledJson.RootElement.GetProperty("scale").GetString());
        float[][] expected = SortedCentroids(plainJson.RootElement), actual = SortedCentroids(scaledJson.RootElement);
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(expected[c][0], actual[c][0], 0.05); // x ≈ 100000..102000
            Assert.Equal(expected[c][1], actual[c][1], 1e-5); // y ≈ 5.00..5.01
        }
        Assert.Equal([100000f, 101000f, 102000f], actual.Select(c => c[0]), (a, b) => Math.Abs(a - b) < 5);

        // The centroids file holds the same original-unit values as the JSON.
        float[][] fromFile = [.. File.ReadAllLines(centroidsFile)
            .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .OrderBy(c => c[0])];
        Assert.Equal(actual, fromFile);
    }

    [Fact]
    public void SummaryNamesTheScaleAndPrintsOriginalUnits()
    {
        var run = CliRun.Of(CliData.FitArgs(WriteOffsetBlobs(), 3, "--scale", "standard"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Scale", run.Out);
        Assert.Contains("original units", run.Out);
        Assert.Matches(@"\s10[012]\d\d\d\s", run.Out); // the table's x column is in the file's units (≈ 1e5), not ≈ ±1.2
    }

    [Fact]
    public void InitCentroidsAreGivenInOriginalUnits()
    {
        string init = _dir.Write("init.csv", "102000,5\n100000,5\n101000,5.01\n");
        var run = CliRun.Of(CliData.FitArgs(WriteOffsetBlobs(), 3, "--json", "--scale", "standard", "--init", init));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        float[] x = [.. json.RootElement.GetProperty("centroids").EnumerateArray().Select(c => c[0].GetSingle())];
        Assert.Equal([102000f, 100000f, 101000f], x, (a, b) => Math.Abs(a - b) < 5); // the given order is kept
    }

    [Fact]
    public void ConstantColumnIsOnlyCentred()
    {
        string input = _dir.Write("flat.csv", "1,7\n2,7\n10,7\n11,7\n");
        var run = CliRun.Of(CliData.FitArgs(input, 2, "--json", "--scale", "standard"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.All(json.RootElement.GetProperty("centroids").EnumerateArray(), c => Assert.Equal(7f, c[1].GetSingle()));
    }

    [Fact]
    public void UnknownScaleIsAUsageError()
    {
        var run = CliRun.Of(CliData.FitArgs(_dir.Write("a.csv", "1,2\n"), 1, "--scale", "robust"));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--scale", run.Err);
    }
}
