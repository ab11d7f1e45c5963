using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Model;
using GpuKMeans.Cli.Output;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Predict;

/// <summary>
/// Runs <c>gpukmeans predict</c>: reads the model (<c>--model</c>, or <c>--centroids</c> as a model without scaling)
/// and the points, checks that their widths match, labels every point on the device with
/// <see cref="KMeansModel.Predict(ReadOnlySpan{float}, KMeansDevice?)"/> (which applies the model's scaler), and
/// writes the labels and a summary or JSON.
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
                backendName, deviceName, inertia, sizes, settings.LabelsPath, settings.Model.ModelPath).WriteTo(console.Out);
            return 0;
        }
        var fields = new List<(string, string)>
        {
            ("Input", $"{data.Path}: {data.Rows} points × {data.Columns} dimensions"),
            (settings.Model.ModelPath is null ? "Centroids" : "Model", $"{settings.Model.Path}: k = {model.ClusterCount}"
                + (model.Scaling is { } scaling ? $", {scaling.Method} scaling" : "")),
            ("Device", $"{backendName}: {deviceName}"),
            ("Inertia", NumberText.Long(inertia) + (model.Scaling is null ? "" : " (scaled units)")),
        };
        if (settings.LabelsPath is { } written)
            fields.Add(("Labels", $"written to {written}"));
        TextTable.WriteFields(console.Out, fields);
        console.Out.WriteLine();
        ClusterTable.Write(console.Out, sizes, model.GetCentroidsInOriginalUnits(), model.Dimensions,
            model.FeatureNames.IsEmpty ? data.Header : model.FeatureNames);
        return 0;
    }
}
