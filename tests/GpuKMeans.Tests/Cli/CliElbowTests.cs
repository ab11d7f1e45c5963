using System.Globalization;
using System.Text.Json;
using GpuKMeans.Cli.Elbow;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>gpukmeans elbow</c>: one upload, one fit per k.</summary>
public sealed class CliElbowTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void InertiaDoesNotRiseWithKOnBlobs()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(40, header: false));

        var wall = System.Diagnostics.Stopwatch.StartNew();
        var run = CliRun.Of("elbow", input, "--k-min", "1", "--k-max", "7", "--n-init", "3", "--seed", "0", "--json", "--backend", "cpu");
        wall.Stop();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Err); // no progress bar on a StringWriter
        using var json = JsonDocument.Parse(run.Out);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(1, 7), results.Select(r => r.GetProperty("k").GetInt32()));
        double[] inertia = [.. results.Select(r => r.GetProperty("inertia").GetDouble())];
        for (int k = 1; k < inertia.Length; k++)
            Assert.True(inertia[k] <= inertia[k - 1] * (1 + 1e-9), $"inertia rose from k={k} to k={k + 1}: {string.Join(", ", inertia)}");
        Assert.True(inertia[2] < inertia[1] / 10, "the elbow at k = 3 is missing"); // three tight blobs
        // Each fit's time is measured (not left at 0) and the fits together took no longer than the whole command.
        double[] seconds = [.. results.Select(r => r.GetProperty("seconds").GetDouble())];
        Assert.All(seconds, s => Assert.True(s > 0, $"a fit reports {s} s"));
        Assert.True(seconds.Sum() <= wall.Elapsed.TotalSeconds, $"fits report {seconds.Sum()} s in a {wall.Elapsed.TotalSeconds} s command");
    }

    [Fact]
    public void TableAndCsvFile()
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(10, header: true));
        string csv = _dir.PathOf("elbow.csv");

        var run = CliRun.Of("elbow", input, "--k-max", "4", "--seed", "0", "--csv", csv, "--backend", "cpu");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] header = ["k", "inertia", "iterations", "converged", "seconds"];
        Assert.Contains(run.Out.Split('\n'), line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(header));
        string[] lines = File.ReadAllLines(csv);
        Assert.Equal("k,inertia,iterations,converged,seconds", lines[0]);
        Assert.Equal(["1", "2", "3", "4"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SweepFitsEveryKOnTheOneUploadedDataset()
    {
        var blobs = GpuKMeans.Cli.Demo.Blobs.Generate(300, GpuKMeans.Cli.Demo.Blobs.NotebookCentres, 0.3, seed: 4);
        var options = new KMeansOptions { Seed = 1, InitCount = 2 };
        using var device = KMeansDevice.Create(KMeansBackend.Cpu);
        using var dataset = device.Upload(blobs.Points, blobs.Dimensions); // the only upload: the sweep takes no host points

        var rows = ElbowSweep.Run(dataset, options, 2, 5);

        Assert.Equal([2, 3, 4, 5], rows.Select(r => r.K));
        foreach (var row in rows)
        {
            using var kmeans = new KMeans(options with { ClusterCount = row.K }, device);
            var direct = kmeans.Fit(blobs.Points, blobs.Dimensions, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(direct.Inertia, row.Inertia, 1e-6 * direct.Inertia);
            Assert.Equal(direct.Iterations, row.Iterations);
        }
    }

    [Theory]
    [InlineData(new[] { "--k-max", "31" }, "--k-max 31 is more than the 30 rows")]
    [InlineData(new[] { "--k-min", "0" }, "--k-min must be at least 1")]
    [InlineData(new[] { "--k-min", "5", "--k-max", "4" }, "--k-max 4 is less than --k-min 5")]
    [InlineData(new[] { "--csv", "no/such/dir/e.csv" }, "--csv")]
    public void BadRange(string[] options, string expected)
    {
        string input = _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(10, header: false));
        var run = CliRun.Of(["elbow", input, "--backend", "cpu", .. options]);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Err);
    }
}
