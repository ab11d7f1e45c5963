using System.Diagnostics;
using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Model;

/// <summary>The outcome of applying a model to a file of points.</summary>
/// <param name="Model">The model read from <c>--model</c> or <c>--centroids</c>.</param>
/// <param name="Data">The points.</param>
/// <param name="Value">What the computation returned.</param>
/// <param name="BackendName">The backend that computed it.</param>
/// <param name="DeviceName">The device that computed it.</param>
internal sealed record ModelApplication<T>(KMeansModel Model, PointMatrix Data, T Value, string BackendName, string DeviceName);

/// <summary>
/// What predict, transform and score do alike: check the options and output paths before any work, read the model
/// and the points, open the <c>--backend</c> device and run one computation on it, timed for <c>--verbose</c>.
/// </summary>
internal static class ModelApplication
{
    /// <summary>Applies <paramref name="compute"/> for <paramref name="command"/>; <paramref name="outputs"/> are (option, path or null) to check for writing.</summary>
    /// <exception cref="CliUsageException">Bad options, files or widths; the message names the option or the file.</exception>
    public static ModelApplication<T> Run<T>(
        string command, ModelSource source, string input, InputOptions inputOptions, string backend, CliConsole console,
        Func<KMeansModel, PointMatrix, KMeansDevice, T> compute, params (string Option, string? Path)[] outputs)
    {
        CliBackends.Parse(backend);
        source.Check(command);
        foreach (var (option, path) in outputs)
            if (path is not null)
                AtomicFile.CheckWritable(option, path);
        var (model, data) = source.LoadWithPoints(input, inputOptions, console);
        using var device = CliBackends.Open(backend);
        var clock = Stopwatch.StartNew();
        T value = compute(model, data, device);
        console.Trace($"{command} on {device}: {clock.Elapsed.TotalSeconds:F3} s");
        return new ModelApplication<T>(model, data, value, device.BackendName, device.Name);
    }
}
