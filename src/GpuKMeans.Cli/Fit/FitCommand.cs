using System.CommandLine;

namespace GpuKMeans.Cli.Fit;

/// <summary>The <c>fit</c> command: its arguments, options and help text.</summary>
internal static class FitCommand
{
    /// <summary>Creates the command; its action runs <see cref="FitRunner"/> and writes to the invocation's output.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("INPUT.csv")
        {
            Description = "CSV of points: one point per row, numeric columns separated by commas, optional header row.",
        };
        var k = new Option<int>("--k") { Description = "Number of clusters (1 to the number of rows).", HelpName = "K", Required = true };
        var init = new Option<string>("--init")
        {
            Description = "Initial centroids: k-means++, random (rows drawn at random), or a CSV of k rows × d numbers.",
            HelpName = "k-means++|random|CENTROIDS.csv",
            DefaultValueFactory = _ => FitInit.KMeansPlusPlus,
        };
        var initCount = new Option<int?>("--n-init")
        {
            Description = "Runs from different initial centroids; the lowest inertia wins. Default: 1 for k-means++, 10 for random.",
            HelpName = "N",
        };
        var maxIterations = new Option<int>("--max-iter")
        {
            Description = "Maximum Lloyd iterations per run.", HelpName = "N", DefaultValueFactory = _ => 300,
        };
        var tolerance = new Option<double>("--tol")
        {
            Description = "Convergence tolerance, relative to the mean variance of the features.", HelpName = "T",
            DefaultValueFactory = _ => 1e-4,
        };
        var seed = new Option<int?>("--seed") { Description = "Random seed; the same seed gives the same result.", HelpName = "S" };
        var backend = new Option<string>("--backend")
        {
            Description = "Device: auto takes CUDA, then an OpenCL GPU, then the CPU.",
            HelpName = string.Join('|', FitRunner.BackendNames),
            DefaultValueFactory = _ => "auto",
        };
        backend.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, FitRunner.BackendNames);
        var labels = new Option<string?>("--labels") { Description = "Write the cluster of every row, one per line.", HelpName = "OUT.csv" };
        var centroids = new Option<string?>("--centroids")
        {
            Description = "Write the k centroids, one comma-separated row each.", HelpName = "OUT.csv",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the summary." };

        var command = new Command("fit", "Cluster the rows of a CSV file with k-means.")
        {
            input, k, init, initCount, maxIterations, tolerance, seed, backend, labels, centroids, json,
        };
        command.SetAction(parsed => FitRunner.Run(
            new FitSettings(
                parsed.GetRequiredValue(input),
                parsed.GetValue(k),
                parsed.GetRequiredValue(init),
                parsed.GetValue(initCount),
                parsed.GetValue(maxIterations),
                parsed.GetValue(tolerance),
                parsed.GetValue(seed),
                parsed.GetRequiredValue(backend),
                parsed.GetValue(labels),
                parsed.GetValue(centroids),
                parsed.GetValue(json)),
            parsed.InvocationConfiguration.Output));
        return command;
    }
}
