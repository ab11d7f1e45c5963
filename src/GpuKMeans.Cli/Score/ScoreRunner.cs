using System.Text.Json;
using GpuKMeans.Cli.Fit;
using GpuKMeans.Cli.Model;
using GpuKMeans.Cli.Output;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Score;

/// <summary>
/// Runs <c>gpukmeans score</c>: reads the model and the points and prints
/// <see cref="KMeansModel.Score(ReadOnlySpan{float}, ReadOnlySpan{float}, KMeansDevice?)"/> and the inertia, as a
/// summary or one JSON object.
/// </summary>
internal static class ScoreRunner
{
    /// <summary>Runs the scoring and returns the exit code (0).</summary>
    /// <exception cref="CliUsageException">Bad options or input; the message names the option or the file.</exception>
    public static int Run(ApplySettings settings, CliConsole console)
    {
        var (model, data, score, backendName, deviceName) = ModelApplication.Run(
            "score", settings.Model, settings.Input, settings.InputOptions, settings.Backend, console,
            (fitted, points, on) => fitted.Score(points.Values, device: on));
        string device = $"{backendName}: {deviceName}";
        if (settings.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                input = settings.Input,
                model = settings.Model.Path,
                points = data.Rows,
                dimensions = data.Columns,
                k = model.ClusterCount,
                scaling = model.Scaling?.Method,
                device,
                score,
                inertia = -score,
            }, FitJson.SerializerOptions));
            return 0;
        }
        string units = model.Scaling is null ? "" : " (scaled units)";
        TextTable.WriteFields(console.Out,
        [
            ("Input", $"{data.Path}: {data.Rows} points × {data.Columns} dimensions"),
            ("Model", $"{settings.Model.Path}: k = {model.ClusterCount}" + (model.Scaling is { } s ? $", {s.Method} scaling" : "")),
            ("Device", device),
            ("Inertia", NumberText.Long(-score) + units),
            ("Score", NumberText.Long(score) + units),
        ]);
        return 0;
    }
}
