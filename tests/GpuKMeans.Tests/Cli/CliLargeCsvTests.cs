using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// A million-row CSV, written by <c>generate blobs</c>, clustered by <c>fit</c>, labelled again by <c>predict</c> from
/// the saved centroids and swept by <c>elbow</c>, on the CPU. About 10 s on a 2-core machine, so it runs in the
/// normal suite; filter it out with <c>-trait- Size=Large</c> where that is too slow.
/// </summary>
public sealed class CliLargeCsvTests : IDisposable
{
    private const int Rows = 1_000_000;
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    [Trait("Size", "Large")]
    [Trait("Category", "Slow")]
    public void MillionRowCsvFitsIntoThreeEqualClusters()
    {
        string points = _dir.PathOf("million.csv"), truth = _dir.PathOf("truth.npy"), labels = _dir.PathOf("labels.npy");
        var clock = Stopwatch.StartNew();
        var generate = CliRun.Of("generate", "blobs", "--n", $"{Rows}", "--dims", "2", "--centers", "3", "--seed", "0",
            "--out", points, "--labels-out", truth);
        Assert.True(generate.ExitCode == 0, generate.ToString());
        var generated = clock.Elapsed;

        string centroids = _dir.PathOf("centroids.csv");
        var fit = CliRun.Of("fit", points, "--k", "3", "--backend", "cpu", "--seed", "0", "--json", "--labels", labels, "--centroids", centroids);

        Assert.True(fit.ExitCode == 0, fit.ToString());
        var fitted = clock.Elapsed - generated;
        TestContext.Current.SendDiagnosticMessage(
            $"1M-row CSV ({new FileInfo(points).Length / 1e6:F1} MB): generate {generated.TotalSeconds:F1} s, fit {fitted.TotalSeconds:F1} s");
        using var json = JsonDocument.Parse(fit.Out);
        Assert.Equal(Rows, json.RootElement.GetProperty("points").GetInt32());
        int[] sizes = [.. json.RootElement.GetProperty("clusterSizes").EnumerateArray().Select(e => e.GetInt32())];
        Assert.All(sizes, s => Assert.InRange(s, 333_333 - 2_000, 333_334 + 2_000));

        // Each found cluster is one true blob (up to renumbering), bar a few points in the overlaps.
        int[] found = CliNpy.Int32s(CliNpy.Read(labels).Data), actual = CliNpy.Int32s(CliNpy.Read(truth).Data);
        var counts = new int[3, 3];
        for (int i = 0; i < Rows; i++)
            counts[found[i], actual[i]]++;
        int agree = Enumerable.Range(0, 3).Sum(c => Enumerable.Range(0, 3).Max(t => counts[c, t]));
        Assert.True(agree > Rows * 0.99, $"only {agree} of {Rows} points agree with their blob");

        // predict with the saved centroids gives back the fit's labels; elbow's k = 3 is the same fit.
        string predicted = _dir.PathOf("predicted.npy");
        var predict = CliRun.Of("predict", points, "--centroids", centroids, "--backend", "cpu", "--labels", predicted);
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Equal(found, CliNpy.Int32s(CliNpy.Read(predicted).Data));
        var elbow = CliRun.Of("elbow", points, "--k-max", "3", "--backend", "cpu", "--seed", "0", "--json");
        Assert.True(elbow.ExitCode == 0, elbow.ToString());
        using var sweep = JsonDocument.Parse(elbow.Out);
        double[] inertias = [.. sweep.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("inertia").GetDouble())];
        Assert.Equal(3, inertias.Length);
        Assert.True(inertias[0] > inertias[1] && inertias[1] > inertias[2], string.Join(", ", inertias));
        Assert.Equal(json.RootElement.GetProperty("inertia").GetDouble(), inertias[2], 1e-9 * inertias[2]);
        TestContext.Current.SendDiagnosticMessage($"1M rows: generate + fit + predict + elbow {clock.Elapsed.TotalSeconds:F1} s");
    }
}
