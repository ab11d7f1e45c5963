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
        if (settings.Cluster is not null || settings.Shards is not null)
            return Cluster.ClusterFitRunner.Run(settings, console);
        var backend = CliBackends.Parse(settings.Backend);
        var scaleMethod = FeatureScaler.Parse(settings.Scale);
        CheckOptions(settings);
        var clock = Stopwatch.StartNew();
        // A float32 file that needs no host-side pass of ours (scaling, plots, report) stays on disk: the fit reads it in chunks.
        var inPlace = ReadsInPlace(settings, scaleMethod) ? PointReader.OpenInPlace(settings.Input, settings.InputOptions) : null;
        var data = inPlace?.Shape ?? PointReader.Read(settings.Input, settings.InputOptions, console);
        console.Trace(inPlace is null
            ? $"read {data.Path}: {data.Rows} points × {data.Columns} dimensions in {clock.Elapsed.TotalSeconds:F3} s"
            : $"opened {data.Path}: {data.Rows} points × {data.Columns} dimensions, read in place by the fit");
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
        long? budget = settings.DeviceMemoryMb * (1L << 20);
        using (var device = CliBackends.Open(settings.Backend, settings.Devices))
        using (var source = inPlace is { } file ? KMeansPointSource.FromFloat32File(data.Path, data.Columns, data.Rows, file.Offset) : null)
        using (var dataset = Upload(device, source, data, budget))
        using (var kmeans = new KMeans(options, device))
        {
            console.Trace($"{data.Rows} points {(dataset.IsStreamed ? "streamed through" : "resident on")} {device} ({device.DeviceCount} device(s))");
            clock.Restart();
            var progress = settings.Verbose ? new VerboseIterations(console) : null;
            if (settings.MiniBatchSize is int batchSize)
            {
                using var miniBatch = new MiniBatchKMeans(FitMiniBatch.Options(options, batchSize), device);
                result = miniBatch.Fit(dataset, progress);
            }
            else
            {
                result = kmeans.Fit(dataset, progress);
            }
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
        if (settings.ModelPath is { } modelPath)
            ResultFiles.WriteModel(modelPath, result.ToModel(options, scaler.Scaling, data.Header));

        FitVisuals.Write(settings.PlotPath, settings.PlotIterationsPath, settings.ReportPath, truth, elbow,
            settings.Input, data.Values, data.Columns, result, Plots.FeatureSpace.Of(data.Header, data.Columns, scaler));

        if (settings.Json)
            FitJson.From(settings, data.Rows, result, scaler.Name, centroids).WriteTo(console.Out);
        else
            FitReport.Write(console.Out, settings, data,
                settings.MiniBatchSize is int size ? options with { InitCount = FitMiniBatch.Options(options, size).EffectiveInitCount } : options,
                result, scaler, centroids);
        return 0;
    }

    /// <summary>Whether the points can stay in their file: nothing but the fit reads them.</summary>
    private static bool ReadsInPlace(FitSettings settings, ScaleMethod scale) =>
        scale == ScaleMethod.None && settings.PlotPath is null && settings.PlotIterationsPath is null && settings.ReportPath is null;

    /// <summary>The points on the device: from the file in place (<paramref name="source"/>), else from the values read.</summary>
    private static KMeansDataset Upload(KMeansDevice device, KMeansPointSource? source, PointMatrix data, long? budget)
    {
        if (source is null)
            return device.Upload(data.Values, data.Columns, deviceMemoryBudget: budget);
        try
        {
            return device.Upload(source, deviceMemoryBudget: budget);
        }
        catch (ArgumentException e) when (e.ParamName == "source")
        {
            // The library names the value, row and column; say it as the readers of whole files do.
            var where = System.Text.RegularExpressions.Regex.Match(e.Message, @"contains (\S+) at row (\d+), column (\d+)");
            throw new CliUsageException(where.Success
                ? $"{data.Path}: row {where.Groups[2].Value}, column {where.Groups[3].Value} (0-based): {where.Groups[1].Value} is not a finite number: "
                    + "k-means needs finite values (drop or impute missing ones first)"
                : $"{data.Path}: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    private static void CheckOptions(FitSettings settings)
    {
        if (settings.K < 1)
            throw new CliUsageException($"--k must be at least 1, got {settings.K}");
        if (settings.DeviceMemoryMb is < 1)
            throw new CliUsageException($"--device-memory must be at least 1 (MiB), got {settings.DeviceMemoryMb}");
        CommonOptions.CheckFitValues(settings.InitCount, settings.MaxIterations, settings.Tolerance);
        FitMiniBatch.Check(settings);
        if (settings.LabelsPath is { } labels)
            AtomicFile.CheckWritable("--labels", labels);
        if (settings.CentroidsPath is { } centroids)
            AtomicFile.CheckWritable("--centroids", centroids);
        if (settings.ModelPath is { } model)
            AtomicFile.CheckWritable("--model", model);
        var outputs = new[] { ("--labels", settings.LabelsPath), ("--centroids", settings.CentroidsPath), ("--model", settings.ModelPath) }
            .Where(output => output.Item2 is not null).ToArray();
        for (int i = 0; i < outputs.Length; i++)
            for (int j = i + 1; j < outputs.Length; j++)
                if (string.Equals(Path.GetFullPath(outputs[i].Item2!), Path.GetFullPath(outputs[j].Item2!), StringComparison.Ordinal))
                    throw new CliUsageException($"{outputs[i].Item1} and {outputs[j].Item1} name the same file: {outputs[i].Item2}");
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
