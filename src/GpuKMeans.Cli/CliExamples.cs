using System.CommandLine;

namespace GpuKMeans.Cli;

/// <summary>
/// The examples at the end of <c>--help</c>. They run as written in a POSIX shell: the first line creates the CSV
/// the others read. Tests run <see cref="FitExamples"/> too.
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
    ];

    /// <summary>Writes the examples for <paramref name="command"/> (the root or <c>fit</c>).</summary>
    public static void Write(TextWriter output, Command command)
    {
        output.WriteLine("Examples:");
        if (command is RootCommand)
        {
            WriteExample(output, CliApp.Name, "Run the demo: 750 points in 3 blobs, k = 3 on the best device, and the elbow table.");
        }
        WriteExample(output, $"printf '{SampleCsv.Replace("\n", "\\n", StringComparison.Ordinal)}' > {SampleFile}",
            "Create a small CSV (no header) to try fit on.");
        foreach (var (args, description) in FitExamples)
            WriteExample(output, $"{CliApp.Name} {string.Join(' ', args)}", description);
        output.WriteLine();
        output.WriteLine("From a clone of the repository, replace 'gpukmeans' with 'dotnet run --project src/GpuKMeans.Cli --'.");
        output.WriteLine("Exit codes: 0 success, 2 bad usage or input (the message names the option or file:line:column), 1 other errors.");
    }

    private static void WriteExample(TextWriter output, string commandLine, string description)
    {
        output.WriteLine($"  {commandLine}");
        output.WriteLine($"      {description}");
    }
}
