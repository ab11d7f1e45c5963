using System.CommandLine;
using GpuKMeans.Cli.Model;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Predict;

/// <summary>The <c>predict</c> command: label new points with the nearest centroid of a saved model or centroids file.</summary>
internal static class PredictCommand
{
    /// <summary>Creates the command; its action runs <see cref="PredictRunner"/>.</summary>
    public static Command Create()
    {
        var input = new InputOptionSet();
        var model = new ModelOptionSet();
        var backend = CommonOptions.Backend();
        var labels = new Option<string?>("--labels")
        {
            Description = "Write the cluster of every point: one per line, or a 1-D int32 array when the name ends in .npy. "
                + "Without it, the labels go to standard output one per line (the summary to standard error), or into the JSON's labels array.",
            HelpName = "OUT.csv|OUT.npy",
        };
        var json = CommonOptions.Json();
        var verbose = CommonOptions.Verbose("Write the read and predict times to standard error.");

        var command = new Command("predict", "Label the points of a file with the nearest centroid of a saved model or centroids file (scikit-learn's predict).");
        input.AddTo(command);
        model.AddTo(command);
        foreach (Option option in new Option[] { backend, labels, json, verbose })
            command.Add(option);
        command.SetAction(parsed => PredictRunner.Run(
            new PredictSettings(
                input.GetPath(parsed),
                input.GetOptions(parsed),
                model.Get(parsed),
                parsed.GetRequiredValue(backend),
                parsed.GetValue(labels),
                parsed.GetValue(json),
                parsed.GetValue(verbose)),
            new CliConsole(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, parsed.GetValue(verbose))));
        return command;
    }
}
