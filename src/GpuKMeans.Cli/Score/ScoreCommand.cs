using System.CommandLine;
using GpuKMeans.Cli.Model;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Score;

/// <summary>The <c>score</c> command: how well a model fits a file of points.</summary>
internal static class ScoreCommand
{
    /// <summary>Creates the command; its action runs <see cref="ScoreRunner"/>.</summary>
    public static Command Create()
    {
        var input = new InputOptionSet();
        var model = new ModelOptionSet();
        var backend = CommonOptions.Backend();
        var json = CommonOptions.Json();
        var verbose = CommonOptions.Verbose("Write the read and score times to standard error.");

        var command = new Command("score",
            "Minus the inertia of the points under the model: higher is better (scikit-learn's score; "
            + "in the scaled units of a model fitted with --scale).");
        input.AddTo(command);
        model.AddTo(command);
        foreach (Option option in new Option[] { backend, json, verbose })
            command.Add(option);
        command.SetAction(parsed => ScoreRunner.Run(
            new ApplySettings(input.GetPath(parsed), input.GetOptions(parsed), model.Get(parsed), parsed.GetRequiredValue(backend),
                OutPath: null, parsed.GetValue(json), parsed.GetValue(verbose)),
            new CliConsole(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, parsed.GetValue(verbose))));
        return command;
    }
}
