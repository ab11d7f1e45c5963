using System.Diagnostics;
using System.Runtime.InteropServices;
using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Scaling;
using GpuKMeans.Cli.Shared;
using GpuKMeans.Cli.Visuals;

namespace GpuKMeans.Cli.Fit;

/// <summary>
/// Runs <c>gpukmeans fit</c>: checks the options, reads the points, scales them if asked, fits, maps the centroids
/// back to the original units, writes the output files (all or nothing) and prints the summary or the JSON. Every
/// problem the user can fix is a <see cref="CliUsageException"/>.
/// </summary>
internal static class FitRunner
{
    /// <summary>Runs the fit described by <paramref name="settings"/> and returns the exit code (0).</summary>
    /// <exception cref="CliUsageException">Bad options or input; the message names the option or the file, line and column.</exception>
    public static int Run(FitSettings settings, CliConsole console)
    {
        var backend = CliBackends.Parse(settings.Backend);
        var scaleMethod = FeatureScaler.Parse(settings.Scale);
        CheckOptions(settings);
        var clock = Stopwatch.StartNew();
        var data = PointReader.Read(settings.Input, settings.InputOptions, console);
        console.Trace($"read {data.Path}: {data.Rows} points × {data.Columns} dimensions in {clock.Elapsed.TotalSeconds:F3} s");
        if (settings.K > data.Rows)
            throw new CliUsageException(
                $"--k {settings.K} is more than the {data.Rows} rows of {data.Path}: k-means needs at least as many points as clusters");
        if (settings.ElbowMax is int elbowMax && elbowMax > data.Rows)
            throw new CliUsageException(
                $"--elbow {elbowMax} is more than the {data.Rows} rows of {data.Path}: the elbow sweep fits k = 1..{elbowMax} and needs at least as many points as clusters");
        var init = FitInit.Parse(settings.Init, settings.K, data);
        int[]? truth = settings.TruthPath is { } truthPath ? LabelFile.Read("--truth", truthPath, data.Rows) : null;

        var scaler = FeatureScaler.Fit(scaleMethod, data.Values, data.Columns);
        scaler.Apply(data.Values);
        var options = new KMeansOptions
        {
            ClusterCount = settings.K,
            Init = init.Method,
            InitialCentroids = init.Centroids is { } given ? scaler.Transform(given) : null,
            InitCount = settings.InitCount,
            MaxIterations = settings.MaxIterations,
            Tolerance = settings.Tolerance,
            Seed = settings.Seed,
            Backend = backend,
            Algorithm = Enum.Parse<KMeansAlgorithm>(settings.Algorithm, ignoreCase: true),
            RecordHistory = FitVisuals.NeedsHistory(settings.PlotIterationsPath, settings.ReportPath),
        };
        KMeansResult result;
        IReadOnlyList<(int K, double Inertia)>? elbow = null;
        using (var device = CliBackends.Open(settings.Backend))
        using (var dataset = device.Upload(data.Values, data.Columns))
        using (var kmeans = new KMeans(options, device))
        {
            clock.Restart();
            var progress = settings.Verbose ? new VerboseIterations(console) : null;
            result = kmeans.Fit(dataset, progress);
            console.Trace($"fit on {device}: {result.Iterations} iterations of the best run ({result.Run}) in {clock.Elapsed.TotalSeconds:F3} s");
            if (settings.ElbowMax is int kMax)
                elbow = [.. Elbow.ElbowSweep.Run(dataset, options with { RecordHistory = false, InitialCentroids = null }, 1, kMax)
                    .Select(row => (row.K, row.Inertia))];
        }
        float[] centroids = scaler.Invert(result.Centroids.AsSpan());

        if (settings.LabelsPath is { } labelsPath)
            ResultFiles.WriteLabels(labelsPath, ImmutableCollectionsMarshal.AsArray(result.Labels)!);
        if (settings.CentroidsPath is { } centroidsPath)
            ResultFiles.WriteMatrix(centroidsPath, centroids, result.Dimensions);

        FitVisuals.Write(settings.PlotPath, settings.PlotIterationsPath, settings.ReportPath, truth, elbow,
            settings.Input, data.Values, data.Columns, result);

        if (settings.Json)
            FitJson.From(settings, data.Rows, result, scaler.Name, centroids).WriteTo(console.Out);
        else
            FitReport.Write(console.Out, settings, data, options, result, scaler, centroids);
        return 0;
    }

    private static void CheckOptions(FitSettings settings)
    {
        if (settings.K < 1)
            throw new CliUsageException($"--k must be at least 1, got {settings.K}");
        CommonOptions.CheckFitValues(settings.InitCount, settings.MaxIterations, settings.Tolerance);
        if (settings.LabelsPath is { } labels)
            AtomicFile.CheckWritable("--labels", labels);
        if (settings.CentroidsPath is { } centroids)
            AtomicFile.CheckWritable("--centroids", centroids);
        if (settings.LabelsPath is { } l && settings.CentroidsPath is { } c
            && string.Equals(Path.GetFullPath(l), Path.GetFullPath(c), StringComparison.Ordinal))
            throw new CliUsageException($"--labels and --centroids name the same file: {l}");
        foreach (var (option, path) in new[] { ("--plot", settings.PlotPath), ("--plot-iterations", settings.PlotIterationsPath), ("--report", settings.ReportPath) })
            if (path is not null)
                AtomicFile.CheckWritable(option, path);
        if (settings.TruthPath is not null && settings.ReportPath is null)
            throw new CliUsageException("--truth is only used by --report: add --report OUT.html");
        if (settings.ElbowMax is int kMax)
        {
            if (settings.ReportPath is null)
                throw new CliUsageException("--elbow is only used by --report: add --report OUT.html");
            if (kMax < 1)
                throw new CliUsageException($"--elbow must be at least 1, got {kMax}");
        }
    }
}
