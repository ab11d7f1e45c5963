using System.Diagnostics;
using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Output;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Predict;

/// <summary>
/// Runs <c>gpukmeans predict</c>: reads the centroids and the points, checks that their widths match, labels
/// every point on the device with <see cref="KMeans.Predict(KMeansResult, ReadOnlySpan{float})"/> on a model
/// rebuilt by <see cref="KMeansResult.FromCentroids"/>, and writes the labels and a summary or JSON. Without
/// <c>--labels</c> the labels go to standard output, one per line (the summary then goes to standard error, so
/// <c>predict x.csv --centroids c.csv &gt; labels.txt</c> leaves only labels in the file), or into the JSON's
/// <c>labels</c> array with <c>--json</c>.
/// </summary>
internal static class PredictRunner
{
    /// <summary>Runs the prediction and returns the exit code (0).</summary>
    /// <exception cref="CliUsageException">Bad options or input; the message names the option or the file.</exception>
    public static int Run(PredictSettings settings, CliConsole console)
    {
        CliBackends.Parse(settings.Backend);
        if (settings.LabelsPath is { } labelsPath)
            AtomicFile.CheckWritable("--labels", labelsPath);
        var clock = Stopwatch.StartNew();
        var centroids = PointReader.Read(settings.CentroidsPath, InputOptions.Default);
        var data = PointReader.Read(settings.Input, settings.InputOptions, console);
        console.Trace($"read {data.Path}: {data.Rows} points × {data.Columns} dimensions, and {centroids.Rows} centroids, in {clock.Elapsed.TotalSeconds:F3} s");
        if (centroids.Columns != data.Columns)
            throw new CliUsageException(
                $"{settings.CentroidsPath} has {centroids.Columns} values per centroid but {data.Path} has {data.Columns} per point: "
                + "they must match (use --columns to pick the features the centroids were fitted on)");

        var model = KMeansResult.FromCentroids(centroids.Values, centroids.Columns);
        int[] labels;
        double inertia;
        string backendName, deviceName;
        using (var device = CliBackends.Open(settings.Backend))
        using (var kmeans = new KMeans(new KMeansOptions { ClusterCount = model.ClusterCount }, device))
        {
            clock.Restart();
            labels = kmeans.Predict(model, data.Values);
            inertia = -kmeans.Score(model, data.Values);
            console.Trace($"predict on {device}: {clock.Elapsed.TotalSeconds:F3} s");
            (backendName, deviceName) = (device.BackendName, device.Name);
        }

        if (settings.LabelsPath is { } path)
            ResultFiles.WriteLabels(path, labels);
        var sizes = new int[model.ClusterCount];
        foreach (int label in labels)
            sizes[label]++;
        if (settings.Json)
        {
            new PredictJson(settings.Input, settings.CentroidsPath, data.Rows, data.Columns, model.ClusterCount,
                backendName, deviceName, inertia, sizes, settings.LabelsPath, settings.LabelsPath is null ? labels : null).WriteTo(console.Out);
            return 0;
        }
        var summary = console.Out;
        if (settings.LabelsPath is null)
        {
            ResultFiles.WriteLabelLines(console.Out, labels);
            summary = console.Error;
        }
        var fields = new List<(string, string)>
        {
            ("Input", $"{data.Path}: {data.Rows} points × {data.Columns} dimensions"),
            ("Centroids", $"{settings.CentroidsPath}: k = {model.ClusterCount}"),
            ("Device", $"{backendName}: {deviceName}"),
            ("Inertia", NumberText.Long(inertia)),
        };
        fields.Add(("Labels", settings.LabelsPath is { } written ? $"written to {written}" : "written to standard output, one per line"));
        TextTable.WriteFields(summary, fields);
        summary.WriteLine();
        ClusterTable.Write(summary, sizes, centroids.Values, centroids.Columns, centroids.Header ?? data.Header);
        return 0;
    }
}
