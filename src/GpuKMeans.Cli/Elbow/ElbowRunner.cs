using System.Globalization;
using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Output;
using GpuKMeans.Cli.Scaling;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Elbow;

/// <summary>
/// Runs <c>gpukmeans elbow</c>: reads and scales the points, uploads them once (<see cref="KMeansDevice.Upload(ReadOnlyMemory{float}, int, ReadOnlyMemory{float}, long?)"/>),
/// fits every k on that <see cref="KMeansDataset"/> (<see cref="ElbowSweep"/>), and prints the table or JSON, with a
/// progress bar over the k on a terminal.
/// </summary>
internal static class ElbowRunner
{
    /// <summary>Runs the sweep and returns the exit code (0).</summary>
    /// <exception cref="CliUsageException">Bad options or input; the message names the option or the file.</exception>
    public static int Run(ElbowSettings settings, CliConsole console)
    {
        var backend = CliBackends.Parse(settings.Backend);
        var scaleMethod = FeatureScaler.Parse(settings.Scale);
        if (settings.KMin < 1)
            throw new CliUsageException($"--k-min must be at least 1, got {settings.KMin}");
        if (settings.KMax < settings.KMin)
            throw new CliUsageException($"--k-max {settings.KMax} is less than --k-min {settings.KMin}");
        CommonOptions.CheckFitValues(settings.InitCount, settings.MaxIterations, settings.Tolerance);
        if (settings.Silhouette && settings.SilhouetteSample < 2)
            throw new CliUsageException($"--silhouette-sample must be at least 2, got {settings.SilhouetteSample}");
        if (settings.CsvPath is { } csvPath)
            AtomicFile.CheckWritable("--csv", csvPath);
        if (settings.PlotPath is { } plotPath)
            AtomicFile.CheckWritable("--plot", plotPath);

        var data = PointReader.Read(settings.Input, settings.InputOptions, console);
        if (settings.KMax > data.Rows)
            throw new CliUsageException(
                $"--k-max {settings.KMax} is more than the {data.Rows} rows of {data.Path}: k-means needs at least as many points as clusters");
        var scaler = FeatureScaler.Fit(scaleMethod, data.Values, data.Columns);
        scaler.Apply(data.Values);
        var options = new KMeansOptions
        {
            InitCount = settings.InitCount,
            MaxIterations = settings.MaxIterations,
            Tolerance = settings.Tolerance,
            Seed = settings.Seed,
            Backend = backend,
        };

        List<ElbowRow> rows;
        string backendName, deviceName;
        using (var device = CliBackends.Open(settings.Backend))
        using (var dataset = device.Upload(data.Values, data.Columns))
        {
            (backendName, deviceName) = (device.BackendName, device.Name);
            Func<int, IProgress<KMeansIterationStats>?>? progressFor = settings.Verbose
                ? k => new VerboseIterations(console, $"k={k} ")
                : null;
            int count = settings.KMax - settings.KMin + 1;
            rows = console.WithProgress($"k = {settings.KMin}..{settings.KMax}", count,
                report => ElbowSweep.Run(dataset, options, settings.KMin, settings.KMax, progressFor,
                    row => report(row.K - settings.KMin + 1),
                    settings.Silhouette ? settings.SilhouetteSample : null));
        }

        if (settings.CsvPath is { } path)
            AtomicFile.Write(path, writer => WriteCsv(writer, rows, settings.Silhouette));
        if (settings.PlotPath is { } plot)
            AtomicFile.WriteVia(plot, temp => Plots.ElbowPlot.Save(
                temp, [.. rows.Select(r => (r.K, r.Inertia))], $"Elbow method: {Path.GetFileName(settings.Input)}{(scaler.Method == ScaleMethod.None ? "" : $" (inertia in {scaler.Name}-scaled units)")}",
                settings.Silhouette ? [.. rows.Select(r => (r.K, r.Silhouette))] : null));
        if (settings.Json)
        {
            new ElbowJson(settings.Input, data.Rows, data.Columns, scaler.Name, settings.Seed, backendName, deviceName, rows, settings.Silhouette)
                .WriteTo(console.Out);
            return 0;
        }
        string scaled = scaler.Method == ScaleMethod.None ? "" : $", {scaler.Name}-scaled";
        console.Out.WriteLine($"Elbow: {data.Path}, {data.Rows} points × {data.Columns} dimensions{scaled}, on {backendName}: {deviceName}");
        if (settings.CsvPath is { } written)
            console.Out.WriteLine($"Table written to {written}");
        console.Out.WriteLine();
        string[] header = ["k", "inertia", "iterations", "converged", "seconds"];
        TextTable.Write(console.Out, settings.Silhouette ? [.. header, "silhouette"] : header,
            [.. rows.Select(r =>
            {
                string[] cells =
                [
                    NumberText.Integer(r.K), NumberText.Long(r.Inertia), NumberText.Integer(r.Iterations), NumberText.YesNo(r.Converged),
                    r.Seconds.ToString("F3", CultureInfo.InvariantCulture),
                ];
                return (IReadOnlyList<string>)(settings.Silhouette
                    ? [.. cells, r.Silhouette is { } s ? s.ToString("F4", CultureInfo.InvariantCulture) : "-"]
                    : cells);
            })]);
        return 0;
    }

    private static void WriteCsv(TextWriter writer, IEnumerable<ElbowRow> rows, bool silhouette)
    {
        writer.WriteLine(silhouette ? "k,inertia,iterations,converged,seconds,silhouette" : "k,inertia,iterations,converged,seconds");
        foreach (var r in rows)
        {
            string line = string.Create(CultureInfo.InvariantCulture,
                $"{r.K},{r.Inertia:R},{r.Iterations},{(r.Converged ? "true" : "false")},{r.Seconds:F6}");
            if (silhouette)
                line += "," + (r.Silhouette is { } s ? s.ToString("R", CultureInfo.InvariantCulture) : "");
            writer.WriteLine(line);
        }
    }
}
