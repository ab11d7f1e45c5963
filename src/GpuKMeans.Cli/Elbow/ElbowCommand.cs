using System.CommandLine;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Elbow;

/// <summary>The <c>elbow</c> command: inertia for a range of k, to choose k.</summary>
internal static class ElbowCommand
{
    /// <summary>Creates the command; its action runs <see cref="ElbowRunner"/>.</summary>
    public static Command Create()
    {
        var input = new InputOptionSet();
        var kMin = new Option<int>("--k-min") { Description = "The first k.", HelpName = "K", DefaultValueFactory = _ => 1 };
        var kMax = new Option<int>("--k-max")
        {
            Description = "The last k (at most the number of points).", HelpName = "K", DefaultValueFactory = _ => 9,
        };
        var initCount = CommonOptions.InitCount();
        var maxIterations = CommonOptions.MaxIterations();
        var tolerance = CommonOptions.Tolerance();
        var seed = CommonOptions.Seed();
        var backend = CommonOptions.Backend();
        var scale = CommonOptions.Scale();
        var csv = new Option<string?>("--csv")
        {
            Description = "Also write the table as CSV: k,inertia,iterations,converged,seconds (and silhouette with --silhouette).",
            HelpName = "OUT.csv",
        };
        var silhouette = new Option<bool>("--silhouette")
        {
            Description = "Also compute each k's silhouette score (scikit-learn's silhouette_score with sample_size and " +
                "the --seed), on the device, on the copy of the data the sweep uploaded; \"-\" (JSON null) for k = 1. " +
                "Costs O(m² · d) for m sampled rows.",
        };
        var silhouetteSample = new Option<int>("--silhouette-sample")
        {
            Description = "Rows the silhouette is computed on, sampled without replacement (all rows when there are no more).",
            HelpName = "N",
            DefaultValueFactory = _ => ElbowSettings.DefaultSilhouetteSample,
        };
        var plot = new Option<string?>("--plot") { Description = "Write a PNG of inertia against k (the elbow plot).", HelpName = "OUT.png" };
        var json = CommonOptions.Json();
        var verbose = CommonOptions.Verbose("Write every iteration of every k to standard error.");

        var command = new Command("elbow",
            "Fit k = k-min..k-max with k-means++ on data uploaded to the device once, and print inertia, iterations and time per k.");
        input.AddTo(command);
        foreach (Option option in new Option[] { kMin, kMax, initCount, maxIterations, tolerance, seed, backend, scale, csv, plot, json, verbose, silhouette, silhouetteSample })
            command.Add(option);
        command.SetAction(parsed => ElbowRunner.Run(
            new ElbowSettings(
                input.GetPath(parsed),
                input.GetOptions(parsed),
                parsed.GetValue(kMin),
                parsed.GetValue(kMax),
                parsed.GetValue(initCount),
                parsed.GetValue(maxIterations),
                parsed.GetValue(tolerance),
                parsed.GetValue(seed),
                parsed.GetRequiredValue(backend),
                parsed.GetRequiredValue(scale),
                parsed.GetValue(csv),
                parsed.GetValue(json),
                parsed.GetValue(verbose),
                parsed.GetValue(plot),
                parsed.GetValue(silhouette),
                parsed.GetValue(silhouetteSample)),
            new CliConsole(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, parsed.GetValue(verbose))));
        return command;
    }
}
