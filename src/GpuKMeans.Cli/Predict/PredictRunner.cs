using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Model;
using GpuKMeans.Cli.Output;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Predict;

/// <summary>
/// Runs <c>gpukmeans predict</c>: reads the model (<c>--model</c>, or <c>--centroids</c> as a model without scaling)
/// and the points, checks that their widths match, labels every point on the device with
/// <see cref="KMeansModel.Predict(ReadOnlySpan{float}, KMeansDevice?)"/> (which applies the model's scaler), and
/// writes the labels and a summary or JSON. Without
/// <c>--labels</c> the labels go to standard output, one per line (the summary then goes to standard error, so
/// <c>predict x.csv --model m.json &gt; labels.txt</c> leaves only labels in the file), or into the JSON's
/// <c>labels</c> array with <c>--json</c>.
/// </summary>
internal static class PredictRunner
{
    /// <summary>Runs the prediction and returns the exit code (0).</summary>
    /// <exception cref="CliUsageException">Bad options or input; the message names the option or the file.</exception>
    public static int Run(PredictSettings settings, CliConsole console)
    {
        var (model, data, (labels, inertia), backendName, deviceName) = ModelApplication.Run(
            "predict", settings.Model, settings.Input, settings.InputOptions, settings.Backend, console,
            (fitted, points, on) => (fitted.Predict(points.Values, on), -fitted.Score(points.Values, device: on)),
            ("--labels", settings.LabelsPath));

        if (settings.LabelsPath is { } path)
            ResultFiles.WriteLabels(path, labels);
        var sizes = new int[model.ClusterCount];
        foreach (int label in labels)
            sizes[label]++;
        if (settings.Json)
        {
            new PredictJson(settings.Input, settings.Model.CentroidsPath, data.Rows, data.Columns, model.ClusterCount,
                backendName, deviceName, inertia, sizes, settings.LabelsPath, settings.LabelsPath is null ? labels : null, settings.Model.ModelPath).WriteTo(console.Out);
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
            (settings.Model.ModelPath is null ? "Centroids" : "Model", $"{settings.Model.Path}: k = {model.ClusterCount}"
                + (model.Scaling is { } scaling ? $", {scaling.Method} scaling" : "")),
            ("Device", $"{backendName}: {deviceName}"),
            ("Inertia", NumberText.Long(inertia) + (model.Scaling is null ? "" : " (scaled units)")),
        };
        fields.Add(("Labels", settings.LabelsPath is { } written ? $"written to {written}" : "written to standard output, one per line"));
        TextTable.WriteFields(summary, fields);
        summary.WriteLine();
        ClusterTable.Write(summary, sizes, model.GetCentroidsInOriginalUnits(), model.Dimensions,
            model.FeatureNames.IsEmpty ? data.Header : model.FeatureNames);
        return 0;
    }
}
