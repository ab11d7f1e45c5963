using System.CommandLine;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Generate;

/// <summary>The <c>generate</c> command and its <c>blobs</c> subcommand.</summary>
internal static class GenerateCommand
{
    /// <summary>Creates <c>generate</c> with <c>blobs</c> under it.</summary>
    public static Command Create()
    {
        var count = new Option<int>("--n") { Description = "Number of points.", HelpName = "N", Required = true };
        var centers = new Option<string>("--centers")
        {
            Description = "A count K of blob centres drawn uniformly in [-10, 10] on every axis, or the centres themselves: \"x1,y1;x2,y2;...\".",
            HelpName = "K|\"x1,y1;x2,y2\"",
            Required = true,
        };
        var dims = new Option<int?>("--dims") { Description = "Coordinates per point when --centers is a count (default 2).", HelpName = "D" };
        var std = new Option<double>("--std")
        {
            Description = "Standard deviation of every blob on every axis.", HelpName = "S", DefaultValueFactory = _ => 1.0,
        };
        var seed = CommonOptions.Seed();
        var output = new Option<string>("--out")
        {
            Description = "Where to write the points: CSV (no header), .npy (float32, n × d) or raw float32 (.raw, .f32, .bin) by extension.",
            HelpName = "FILE",
            Required = true,
        };
        var labels = new Option<string?>("--labels-out")
        {
            Description = "Write the blob each point was drawn from: one per line, or a 1-D int32 .npy.", HelpName = "FILE",
        };

        var blobs = new Command("blobs",
            "Isotropic Gaussian blobs like scikit-learn's make_blobs: points split evenly between the centres, shuffled.")
        {
            count, centers, dims, std, seed, output, labels,
        };
        blobs.SetAction(parsed => GenerateBlobsRunner.Run(
            new GenerateBlobsSettings(
                parsed.GetValue(count),
                parsed.GetRequiredValue(centers),
                parsed.GetValue(dims),
                parsed.GetValue(std),
                parsed.GetValue(seed),
                parsed.GetRequiredValue(output),
                parsed.GetValue(labels)),
            new CliConsole(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error)));

        return new Command("generate", "Write synthetic data sets to try the other commands on.") { blobs };
    }
}
