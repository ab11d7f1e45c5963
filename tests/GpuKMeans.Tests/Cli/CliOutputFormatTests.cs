using System.Globalization;
using System.Text.Json;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>Labels and centroids written as .npy: readable back byte by byte, and by the tool itself.</summary>
public sealed class CliOutputFormatTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void NpyLabelsAndCentroidsMatchTheJson()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(20, header: true));
        string labels = _dir.PathOf("labels.npy"), centroids = _dir.PathOf("centroids.npy");

        var run = CliRun.Of(CliData.FitArgs(input, 3, "--json", "--labels", labels, "--centroids", centroids));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var (labelsDict, labelsData) = CliNpy.Read(labels);
        Assert.Contains("'descr': '<i4'", labelsDict);
        Assert.Contains("'fortran_order': False", labelsDict);
        Assert.Contains("'shape': (60,)", labelsDict);
        int[] labelValues = CliNpy.Int32s(labelsData);
        Assert.Equal(60, labelValues.Length);
        Assert.Equal(json.RootElement.GetProperty("clusterSizes").EnumerateArray().Select(e => e.GetInt32()),
            Enumerable.Range(0, 3).Select(c => labelValues.Count(l => l == c)));

        var (centroidsDict, centroidsData) = CliNpy.Read(centroids);
        Assert.Contains("'descr': '<f4'", centroidsDict);
        Assert.Contains("'shape': (3, 2)", centroidsDict);
        float[] expected = [.. json.RootElement.GetProperty("centroids").EnumerateArray().SelectMany(c => c.EnumerateArray().Select(v => v.GetSingle()))];
        Assert.Equal(expected, CliNpy.Float32s(centroidsData));
        Assert.Equal(["blobs.csv", "centroids.npy", "labels.npy"], _dir.FileNames()); // no temp file left behind
    }

    [Fact]
    public void ToolReadsItsOwnNpyOutputBack()
    {
        string points = _dir.PathOf("points.npy");
        var generate = CliRun.Of("generate", "blobs", "--n", "90", "--centers", "0,0;20,0;0,20", "--std", "0.5", "--seed", "2", "--out", points);
        Assert.True(generate.ExitCode == 0, generate.ToString());
        string centroids = _dir.PathOf("c.npy");

        var fit = CliRun.Of(CliData.FitArgs(points, 3, "--centroids", centroids, "--json"));
        var init = CliRun.Of(CliData.FitArgs(points, 3, "--init", centroids, "--json"));

        Assert.True(fit.ExitCode == 0, fit.ToString());
        Assert.True(init.ExitCode == 0, init.ToString());
        using var a = JsonDocument.Parse(fit.Out);
        using var b = JsonDocument.Parse(init.Out);
        Assert.Equal(a.RootElement.GetProperty("inertia").GetDouble(), b.RootElement.GetProperty("inertia").GetDouble(), 1e-3);
    }

    [Fact]
    public void CsvCentroidsRoundTripExactly()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(20, header: false));
        string csv = _dir.PathOf("c.csv"), npy = _dir.PathOf("c.npy");
        Assert.Equal(0, CliRun.Of(CliData.FitArgs(input, 3, "--centroids", csv)).ExitCode);
        Assert.Equal(0, CliRun.Of(CliData.FitArgs(input, 3, "--centroids", npy)).ExitCode);

        float[] fromCsv = [.. File.ReadAllLines(csv).SelectMany(l => l.Split(',')).Select(v => float.Parse(v, CultureInfo.InvariantCulture))];
        Assert.Equal(CliNpy.Float32s(CliNpy.Read(npy).Data), fromCsv);
    }
}
