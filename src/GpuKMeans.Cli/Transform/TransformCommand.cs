using System.CommandLine;
using GpuKMeans.Cli.Model;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Transform;

/// <summary>The <c>transform</c> command: the distance of every point to every centroid.</summary>
internal static class TransformCommand
{
    /// <summary>Creates the command; its action runs <see cref="TransformRunner"/>.</summary>
    public static Command Create()
    {
        var input = new InputOptionSet();
        var model = new ModelOptionSet();
        var backend = CommonOptions.Backend();
        var output = new Option<string?>("--out")
        {
            Description = "Write the n × k distances here: CSV, or a float32 array when the name ends in .npy. Default: CSV on standard output.",
            HelpName = "OUT.csv|OUT.npy",
        };
        var verbose = CommonOptions.Verbose("Write the read and transform times to standard error.");

        var command = new Command("transform",
            "The Euclidean distance of every point to every centroid, one row of k per point (scikit-learn's transform; "
            + "in the scaled units of a model fitted with --scale).");
        input.AddTo(command);
        model.AddTo(command);
        foreach (Option option in new Option[] { backend, output, verbose })
            command.Add(option);
        command.SetAction(parsed => TransformRunner.Run(
            new ApplySettings(input.GetPath(parsed), input.GetOptions(parsed), model.Get(parsed), parsed.GetRequiredValue(backend),
                parsed.GetValue(output), Json: false, parsed.GetValue(verbose)),
            new CliConsole(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, parsed.GetValue(verbose))));
        return command;
    }
}
