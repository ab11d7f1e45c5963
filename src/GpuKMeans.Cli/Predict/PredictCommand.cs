using System.CommandLine;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Predict;

/// <summary>The <c>predict</c> command: label new points with the nearest of saved centroids.</summary>
internal static class PredictCommand
{
    /// <summary>Creates the command; its action runs <see cref="PredictRunner"/>.</summary>
    public static Command Create()
    {
        var input = new InputOptionSet();
        var centroids = new Option<string>("--centroids")
        {
            Description = "The centroids to assign to: k rows × d numbers, CSV (optional header) or .npy, as fit --centroids writes them. "
                + "Distances are squared Euclidean in the file's units, ties go to the lowest index; centroids of a fit with "
                + "--scale are in original units, so points near a boundary may be labelled differently than the scaled fit did.",
            HelpName = "C.csv|C.npy",
            Required = true,
        };
        var backend = CommonOptions.Backend();
        var labels = new Option<string?>("--labels")
        {
            Description = "Write the cluster of every point: one per line, or a 1-D int32 array when the name ends in .npy. "
                + "Without it, the labels go to standard output one per line (the summary to standard error), or into the JSON's labels array.",
            HelpName = "OUT.csv|OUT.npy",
        };
        var json = CommonOptions.Json();
        var verbose = CommonOptions.Verbose("Write the read and predict times to standard error.");

        var command = new Command("predict", "Label the points of a file with the nearest of saved centroids (scikit-learn's predict).");
        input.AddTo(command);
        foreach (Option option in new Option[] { centroids, backend, labels, json, verbose })
            command.Add(option);
        command.SetAction(parsed => PredictRunner.Run(
            new PredictSettings(
                input.GetPath(parsed),
                input.GetOptions(parsed),
                parsed.GetRequiredValue(centroids),
                parsed.GetRequiredValue(backend),
                parsed.GetValue(labels),
                parsed.GetValue(json),
                parsed.GetValue(verbose)),
            new CliConsole(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, parsed.GetValue(verbose))));
        return command;
    }
}
