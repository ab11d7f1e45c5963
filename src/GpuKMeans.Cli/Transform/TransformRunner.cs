using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Model;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Transform;

/// <summary>
/// Runs <c>gpukmeans transform</c>: reads the model and the points and writes the <c>n × k</c> distances of
/// <see cref="KMeansModel.Transform(ReadOnlySpan{float}, KMeansDevice?)"/> to <c>--out</c> or standard output.
/// </summary>
internal static class TransformRunner
{
    /// <summary>Runs the transform and returns the exit code (0).</summary>
    /// <exception cref="CliUsageException">Bad options or input; the message names the option or the file.</exception>
    public static int Run(ApplySettings settings, CliConsole console)
    {
        var (model, _, distances, _, _) = ModelApplication.Run(
            "transform", settings.Model, settings.Input, settings.InputOptions, settings.Backend, console,
            (fitted, points, on) => fitted.Transform(points.Values, on), ("--out", settings.OutPath));
        if (settings.OutPath is { } path)
            ResultFiles.WriteMatrix(path, distances, model.ClusterCount);
        else
            ResultFiles.WriteCsv(console.Out, distances, model.ClusterCount);
        return 0;
    }
}
