using System.CommandLine;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Fit;

/// <summary>The <c>fit</c> command: its arguments, options and help text.</summary>
internal static class FitCommand
{
    /// <summary>Creates the command; its action runs <see cref="FitRunner"/> and writes to the invocation's output.</summary>
    public static Command Create()
    {
        var input = new InputOptionSet();
        var k = new Option<int>("--k") { Description = "Number of clusters (1 to the number of rows).", HelpName = "K", Required = true };
        var init = new Option<string>("--init")
        {
            Description = "Initial centroids: k-means++, random (rows drawn at random), or a CSV or .npy file of k rows × d numbers "
                + "(in the data's original units).",
            HelpName = "k-means++|random|CENTROIDS.csv",
            DefaultValueFactory = _ => FitInit.KMeansPlusPlus,
        };
        var algorithm = new Option<string>("--algorithm")
        {
            Description = "How each iteration finds the nearest centroids: lloyd (all distances), elkan or yinyang (exact pruning, "
                + "same labels as lloyd; CPU backend only, others run lloyd), or auto (= lloyd).",
            HelpName = "auto|lloyd|elkan|yinyang",
            DefaultValueFactory = _ => "auto",
        };
        algorithm.AcceptOnlyFromAmong("auto", "lloyd", "elkan", "yinyang");
        var initCount = CommonOptions.InitCount();
        var maxIterations = CommonOptions.MaxIterations();
        var tolerance = CommonOptions.Tolerance();
        var seed = CommonOptions.Seed();
        var backend = CommonOptions.Backend();
        var scale = CommonOptions.Scale();
        var labels = new Option<string?>("--labels")
        {
            Description = "Write the cluster of every row: one per line, or a 1-D int32 array when the name ends in .npy.",
            HelpName = "OUT.csv|OUT.npy",
        };
        var centroids = new Option<string?>("--centroids")
        {
            Description = "Write the k centroids (original units): one comma-separated row each, or a k × d float32 array when the name ends in .npy.",
            HelpName = "OUT.csv|OUT.npy",
        };
        var plot = new Option<string?>("--plot")
        {
            Description = "Write a PNG of the points coloured by cluster, centroids as red X, decision regions shaded (a PCA projection when d > 2).",
            HelpName = "OUT.png",
        };
        var plotIterations = new Option<string?>("--plot-iterations")
        {
            Description = "Write a PNG of small multiples: the labels and centroids of the first iterations.",
            HelpName = "OUT.png",
        };
        var report = new Option<string?>("--report")
        {
            Description = "Write one self-contained HTML file (no network) that plays the iterations, with a slider and a decision-boundary checkbox.",
            HelpName = "OUT.html",
        };
        var truth = new Option<string?>("--truth")
        {
            Description = "True labels (one integer per line, as --labels writes them): adds a \"colour by true label\" checkbox to --report.",
            HelpName = "LABELS.csv",
        };
        var elbow = new Option<int?>("--elbow")
        {
            Description = "With --report: also fit k = 1..K on the same copy of the data and add the elbow chart to the report.",
            HelpName = "K",
        };
        var json = CommonOptions.Json();
        var verbose = CommonOptions.Verbose(
            "Write every iteration (run, iteration, inertia, centre shift, label changes, relocated clusters, time) to standard error.");

        var command = new Command("fit", "Cluster the points of a CSV, .npy or raw float32 file with k-means.");
        input.AddTo(command);
        foreach (Option option in new Option[] { k, init, algorithm, initCount, maxIterations, tolerance, seed, backend, scale, labels, centroids, plot, plotIterations, report, truth, elbow, json, verbose })
            command.Add(option);
        command.SetAction(parsed => FitRunner.Run(
            new FitSettings(
                input.GetPath(parsed),
                input.GetOptions(parsed),
                parsed.GetValue(k),
                parsed.GetRequiredValue(init),
                parsed.GetValue(initCount),
                parsed.GetValue(maxIterations),
                parsed.GetValue(tolerance),
                parsed.GetValue(seed),
                parsed.GetRequiredValue(backend),
                parsed.GetRequiredValue(scale),
                parsed.GetValue(labels),
                parsed.GetValue(centroids),
                parsed.GetValue(json),
                parsed.GetValue(verbose),
                parsed.GetValue(plot),
                parsed.GetValue(plotIterations),
                parsed.GetValue(report),
                parsed.GetValue(truth),
                parsed.GetValue(elbow),
                parsed.GetRequiredValue(algorithm)),
            new CliConsole(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, parsed.GetValue(verbose))));
        return command;
    }
}
