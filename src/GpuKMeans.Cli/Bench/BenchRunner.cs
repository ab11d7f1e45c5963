using System.Diagnostics;
using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Bench;

/// <summary>
/// Runs <c>gpukmeans bench</c>: for every backend present and every n, one upload of fresh random data, then
/// a fit of a fixed number of Lloyd iterations from the same centroids (tolerance 0) whose per-iteration
/// times (<see cref="KMeansIterationStats.Elapsed"/>: assign, reduce, update, with the device synchronised)
/// give the median. Writes a markdown table and a log-log PNG.
/// </summary>
internal static class BenchRunner
{
    /// <summary>Runs the benchmark and returns the exit code (0).</summary>
    /// <exception cref="CliUsageException">Bad options.</exception>
    public static int Run(BenchSettings settings, CliConsole console)
    {
        Check(settings);
        var rows = new List<BenchRow>();
        foreach (string backend in settings.Backends)
        {
            KMeansDevice? device = null;
            string deviceName = backend == "scalar" ? "one core, plain loops" : "";
            try
            {
                if (backend != "scalar")
                {
                    try
                    {
                        device = KMeansDevice.Create(CliBackends.Parse(backend));
                        deviceName = device.Name;
                    }
                    catch (NotSupportedException e)
                    {
                        console.Error.WriteLine($"bench: {backend} skipped: {e.Message}");
                        continue;
                    }
                }
                // One untimed measurement at the smallest n first: the JIT's tiers and the kernels' compilation settle there.
                Measure(device, settings.Sizes[0], settings);
                bool tooSlow = false;
                foreach (int n in settings.Sizes)
                {
                    if (tooSlow)
                    {
                        rows.Add(new BenchRow(backend, deviceName, n, settings.Dimensions, settings.Clusters, double.NaN,
                            $"not run: a smaller n took over {settings.BudgetSeconds:G} s"));
                        continue;
                    }
                    var clock = Stopwatch.StartNew();
                    double ms = Measure(device, n, settings);
                    var row = new BenchRow(backend, deviceName, n, settings.Dimensions, settings.Clusters, ms, "");
                    rows.Add(row);
                    console.Error.WriteLine($"bench: {backend,-9} n={n,-9} {ms,10:F3} ms/iteration {row.GigaflopsPerSecond,9:F2} GFLOP/s");
                    tooSlow = clock.Elapsed.TotalSeconds > settings.BudgetSeconds;
                }
            }
            finally
            {
                device?.Dispose();
            }
        }

        string markdown = BenchReport.Markdown(rows, settings);
        console.Out.Write(markdown);
        if (settings.MarkdownPath is { } md)
            AtomicFile.Write(md, writer => writer.Write(markdown));
        if (settings.PlotPath is { } png)
            AtomicFile.WriteVia(png, temp => BenchPlot.Save(temp, rows, settings));
        return 0;
    }

    /// <summary>Median milliseconds of one iteration on fresh data of n points; <paramref name="device"/> null = scalar.</summary>
    private static double Measure(KMeansDevice? device, int n, BenchSettings settings)
    {
        int d = settings.Dimensions, k = settings.Clusters;
        var random = new Random(n);
        var points = new float[(long)n * d];
        for (long i = 0; i < points.Length; i++)
            points[i] = (float)random.NextDouble();
        var start = points[..(k * d)];
        List<TimeSpan> times;
        if (device is null)
            times = ScalarLloyd.Time(points, d, start, settings.Iterations);
        else
        {
            using var data = device.Upload(points, d, deviceMemoryBudget: settings.DeviceMemoryMb * (1L << 20));
            using var kmeans = new KMeans(new KMeansOptions
            {
                ClusterCount = k, InitialCentroids = start, MaxIterations = settings.Iterations + 1, Tolerance = 0,
                Algorithm = KMeansAlgorithm.Lloyd,   // the table is of Lloyd iterations, not pruned ones
            }, device);
            // The first iteration also warms up (kernel compilation, buffers): it is left out when there are others.
            var stats = kmeans.Fit(data).IterationStats;
            times = [.. stats.Skip(stats.Count > 1 ? 1 : 0).Select(s => s.Elapsed)];
        }
        var sorted = times.Select(t => t.TotalMilliseconds).Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static void Check(BenchSettings settings)
    {
        if (settings.DeviceMemoryMb is < 1)
            throw new CliUsageException($"--device-memory must be at least 1 (MiB), got {settings.DeviceMemoryMb}");
        if (settings.Sizes.Length == 0 || settings.Sizes.Any(n => n < 1))
            throw new CliUsageException("--n: give one or more positive point counts, e.g. --n 10000,100000");
        if (settings.Dimensions < 1)
            throw new CliUsageException($"--d must be at least 1, got {settings.Dimensions}");
        if (settings.Clusters < 1 || settings.Clusters > settings.Sizes.Min())
            throw new CliUsageException($"--k must be between 1 and the smallest n ({settings.Sizes.Min()}), got {settings.Clusters}");
        if (settings.Iterations < 1)
            throw new CliUsageException($"--iterations must be at least 1, got {settings.Iterations}");
        foreach (string backend in settings.Backends)
            if (backend != "scalar" && backend != "auto")
                CliBackends.Parse(backend);
        if (settings.MarkdownPath is { } md)
            AtomicFile.CheckWritable("--out", md);
        if (settings.PlotPath is { } png)
            AtomicFile.CheckWritable("--plot", png);
    }
}
