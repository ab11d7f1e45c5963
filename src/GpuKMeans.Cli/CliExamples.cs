using System.CommandLine;

namespace GpuKMeans.Cli;

/// <summary>
/// The examples at the end of <c>--help</c>, per command. Each command's list runs as written, in order, in an
/// empty directory of a POSIX shell: the first line creates the CSV the others read (when they read it), and a
/// step that needs another command's output (predict's centroids) runs that command first. Tests run them all.
/// </summary>
internal static class CliExamples
{
    /// <summary>The sample CSV the examples create: six points in two groups.</summary>
    public const string SampleCsv = "1,2\n1,4\n1,0\n10,2\n10,4\n10,0\n";

    /// <summary>The file name of the sample CSV.</summary>
    public const string SampleFile = "points.csv";

    /// <summary>The <c>fit</c> examples, as argument lists, with what each does.</summary>
    public static IReadOnlyList<(string[] Args, string Description)> FitExamples { get; } =
    [
        (["fit", SampleFile, "--k", "2", "--seed", "0"], "Two clusters of the six points; prints a summary."),
        (["fit", SampleFile, "--k", "2", "--seed", "0", "--labels", "labels.csv", "--centroids", "centroids.csv"],
            "Also writes each row's cluster to labels.csv and the centroids to centroids.csv."),
        (["fit", SampleFile, "--k", "2", "--init", "random", "--n-init", "10", "--seed", "1", "--json"],
            "Best of 10 random starts, printed as JSON."),
        (["fit", SampleFile, "--k", "2", "--seed", "0", "--scale", "standard", "--centroids", "centroids.npy", "--verbose"],
            "Fits standardised data, writes the centroids in the original units as .npy, and every iteration to stderr."),
        (["fit", SampleFile, "--k", "2", "--seed", "0", "--plot", "clusters.png", "--plot-iterations", "iterations.png", "--report", "report.html"],
            "Draws the clusters and the first iterations as PNG, and writes the interactive HTML report."),
        (["fit", SampleFile, "--k", "2", "--seed", "0", "--report", "report.html", "--elbow", "4"],
            "The HTML report with an elbow chart of k = 1..4, all fitted on one copy of the data."),
        (["fit", SampleFile, "--k", "2", "--seed", "0", "--scale", "standard", "--model", "model.json"],
            "Saves the model (centroids, scaler, options, provenance) for predict, transform and score --model."),
    ];

    /// <summary>The first step of the examples that apply a saved model.</summary>
    private static readonly CliExample SaveModel =
        new(["fit", SampleFile, "--k", "2", "--seed", "0", "--scale", "standard", "--model", "model.json"], "Fit standardised data once and save the model.");

    /// <summary>The examples of every command, keyed by its path after the tool's name ("" for the root).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CliExample>> ByCommand { get; } = new Dictionary<string, IReadOnlyList<CliExample>>
    {
        [""] =
        [
            new([], "Run the demo: 750 points in 3 blobs, k = 3 on the best device, and the elbow table."),
            new(["fit", SampleFile, "--k", "2", "--seed", "0"], "Two clusters of the six points (see 'gpukmeans fit --help')."),
            new(["devices"], "List the devices --backend can choose."),
        ],
        ["fit"] = [.. FitExamples.Select(e => new CliExample(e.Args, e.Description))],
        ["predict"] =
        [
            new(["fit", SampleFile, "--k", "2", "--seed", "0", "--centroids", "centroids.csv"], "Fit once and save the centroids."),
            new(["predict", SampleFile, "--centroids", "centroids.csv"], "Label the points with the nearest saved centroid."),
            new(["predict", SampleFile, "--centroids", "centroids.csv", "--labels", "labels.npy", "--json"],
                "Write the labels as a .npy int32 array and print JSON."),
            SaveModel,
            new(["predict", SampleFile, "--model", "model.json", "--labels", "labels.csv"],
                "Label raw points with a saved model: its scaler is applied first."),
        ],
        ["transform"] =
        [
            SaveModel,
            new(["transform", SampleFile, "--model", "model.json"], "The distance of every point to each centroid, as CSV on standard output."),
            new(["transform", SampleFile, "--model", "model.json", "--out", "distances.npy"], "The same as an n × k float32 .npy file."),
        ],
        ["score"] =
        [
            SaveModel,
            new(["score", SampleFile, "--model", "model.json"], "Minus the inertia of the points under the model (higher is better)."),
            new(["score", SampleFile, "--model", "model.json", "--json"], "The same as JSON."),
        ],
        ["elbow"] =
        [
            new(["elbow", SampleFile, "--k-min", "1", "--k-max", "4", "--seed", "0"], "Inertia, iterations and time for k = 1..4."),
            new(["elbow", SampleFile, "--k-max", "3", "--n-init", "3", "--seed", "0", "--csv", "elbow.csv", "--json"],
                "Best of 3 starts per k; the table also as elbow.csv, printed as JSON."),
            new(["elbow", SampleFile, "--k-max", "5", "--seed", "0", "--silhouette"], "Also the silhouette score of each k (higher is better)."),
        ],
        ["generate"] =
        [
            new(["generate", "blobs", "--n", "300", "--centers", "3", "--seed", "0", "--out", "blobs.csv"], "300 points around 3 random centres in 2-D."),
        ],
        ["generate blobs"] =
        [
            new(["generate", "blobs", "--n", "300", "--centers", "3", "--seed", "0", "--out", "blobs.csv"], "300 points around 3 random centres in 2-D."),
            new(["generate", "blobs", "--n", "1000", "--centers", "0,0;5,5;10,0", "--std", "0.5", "--seed", "1", "--out", "blobs.npy",
                "--labels-out", "truth.csv"], "1000 points around the given centres as .npy, and the true blob of every point."),
            new(["fit", "blobs.npy", "--k", "3", "--seed", "0"], "Cluster them again."),
        ],
        ["bench"] =
        [
            new(["bench", "--n", "2000,20000", "--d", "8", "--k", "8", "--backends", "scalar,cpu", "--out", "bench.md", "--plot", "bench.png"],
                "A quick comparison of the scalar baseline and the CPU backend, as a markdown table and a log-log plot."),
            new(["bench", "--n", "1000,4000", "--d", "4", "--k", "4", "--iterations", "3"],
                "Every backend present, small enough to finish in seconds; drop the options for n = 10k, 100k, 1M (d = 32, k = 64)."),
        ],
        ["worker"] =
        [
            new(["worker", "--silo-port", "11111", "--gateway-port", "30000", "--check"],
                "Check this machine as a primary worker (device, ports) without starting it; drop --check to serve until Ctrl-C."),
        ],
        ["devices"] =
        [
            new(["devices"], "Backends, device names, memory and CUDA compute capability."),
            new(["devices", "--json"], "The same as JSON."),
        ],
    };

    /// <summary>The path of <paramref name="command"/> after the tool's name: "" for the root, "generate blobs" for a nested one.</summary>
    public static string PathOf(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, c.Name);
        return string.Join(' ', names);
    }

    /// <summary>Whether the examples of <paramref name="path"/> read the sample CSV (and so start by writing it).</summary>
    public static bool UsesSample(string path) =>
        ByCommand.TryGetValue(path, out var examples) && examples.Any(e => e.Args.Contains(SampleFile));

    /// <summary>Writes the examples for <paramref name="command"/>.</summary>
    public static void Write(TextWriter output, Command command)
    {
        string path = PathOf(command);
        if (!ByCommand.TryGetValue(path, out var examples))
            return;
        output.WriteLine("Examples:");
        if (UsesSample(path))
            WriteExample(output, $"printf '{SampleCsv.Replace("\n", "\\n", StringComparison.Ordinal)}' > {SampleFile}",
                "Create a small CSV (no header) to try the commands on.");
        foreach (var example in examples)
            WriteExample(output, example.CommandLine, example.Description);
        output.WriteLine();
        if (path.Length == 0)
            output.WriteLine($"Every command has its own examples: {CliApp.Name} COMMAND --help.");
        output.WriteLine("From a clone of the repository, replace 'gpukmeans' with 'dotnet run --project src/GpuKMeans.Cli --'.");
        output.WriteLine("Exit codes: 0 success, 2 bad usage or input (the message names the option or file:line:column), 1 other errors.");
    }

    private static void WriteExample(TextWriter output, string commandLine, string description)
    {
        output.WriteLine($"  {commandLine}");
        output.WriteLine($"      {description}");
    }
}
