using System.CommandLine;
using GpuKMeans.Cli;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>--help</c> on the root and on every command, and the examples it shows, which run as written.</summary>
public sealed class CliHelpTests
{
    public static TheoryData<string> CommandPaths => [.. CliExamples.ByCommand.Keys];

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void RootHelpListsTheCommandsAndExamples(string option)
    {
        var run = CliRun.Of(option);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Out);
        Assert.Contains("gpukmeans", run.Out);
        foreach (string command in new[] { "fit", "predict", "elbow", "generate", "devices" })
            Assert.Contains(command, run.Out);
        Assert.Contains("Examples:", run.Out);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public void FitHelpListsEveryOptionAndTheExamples()
    {
        var run = CliRun.Of("fit", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (string option in new[]
        {
            "--k", "--init", "--n-init", "--max-iter", "--tol", "--seed", "--backend", "--labels", "--centroids", "--json",
            "--format", "--delimiter", "--columns", "--dims", "--scale", "--verbose", "ilgpu-cpu",
        })
            Assert.Contains(option, run.Out);
        Assert.Contains("ORIGINAL units", run.Out); // --scale says where the centroids are reported
        Assert.Contains($"printf '{CliExamples.SampleCsv.Replace("\n", "\\n")}' > {CliExamples.SampleFile}", run.Out);
        foreach (var (args, _) in CliExamples.FitExamples)
            Assert.Contains($"gpukmeans {string.Join(' ', args)}", run.Out);
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void EveryCommandsHelpShowsItsExamples(string path)
    {
        var run = CliRun.Of([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Examples:", run.Out);
        foreach (var example in CliExamples.ByCommand[path])
            Assert.Contains(example.CommandLine, run.Out);
    }

    [Fact]
    public void EveryCommandHasExamples()
    {
        var root = CliApp.CreateRootCommand();
        var paths = new List<string>();
        void Walk(Command command)
        {
            paths.Add(CliExamples.PathOf(command));
            foreach (var sub in command.Subcommands)
                Walk(sub);
        }
        Walk(root);
        Assert.All(paths, p => Assert.True(CliExamples.ByCommand.ContainsKey(p), $"'{p}' has no examples"));
    }

    [Fact]
    public void FitHelpWorksWithoutTheRequiredOptions()
    {
        var run = CliRun.Of("fit", "data.csv", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--k", run.Out);
    }

    /// <summary>
    /// Runs each command's examples in order in a fresh directory, as a user pasting them would (the sample CSV
    /// first when they read it); commands that take <c>--backend</c> get <c>--backend cpu</c> added.
    /// </summary>
    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void TheExamplesRunAsWritten(string path)
    {
        using var dir = new CliTempDirectory();
        if (CliExamples.UsesSample(path))
            dir.Write(CliExamples.SampleFile, CliExamples.SampleCsv);
        var root = CliApp.CreateRootCommand();
        foreach (var example in CliExamples.ByCommand[path])
        {
            // The examples name files relative to the current directory; the test's directory stands in for it.
            string[] args = [.. example.Args.Select(a => IsFileName(a) ? dir.PathOf(a) : a)];
            if (TakesBackend(root, example.Args))
                args = [.. args, "--backend", "cpu"];
            var run = CliRun.Of(args);
            Assert.True(run.ExitCode == 0, $"{example.CommandLine}\n{run}");
        }
    }

    [Fact]
    public void TheFitExamplesWriteTheirFiles()
    {
        using var dir = new CliTempDirectory();
        dir.Write(CliExamples.SampleFile, CliExamples.SampleCsv);
        foreach (var (args, _) in CliExamples.FitExamples)
        {
            string[] local = [.. args.Select(a => IsFileName(a) ? dir.PathOf(a) : a), "--backend", "cpu"];
            var run = CliRun.Of(local);
            Assert.True(run.ExitCode == 0, run.ToString());
        }
        Assert.Equal(6, File.ReadAllLines(dir.PathOf("labels.csv")).Length);
        Assert.Equal(2, File.ReadAllLines(dir.PathOf("centroids.csv")).Length);
        Assert.Contains("'shape': (2, 2)", CliNpy.Read(dir.PathOf("centroids.npy")).Dict);
    }

    private static bool IsFileName(string arg) =>
        arg.EndsWith(".csv", StringComparison.Ordinal) || arg.EndsWith(".npy", StringComparison.Ordinal);

    private static bool TakesBackend(Command root, string[] args)
    {
        Command command = root;
        foreach (string arg in args)
        {
            var sub = command.Subcommands.FirstOrDefault(c => c.Name == arg);
            if (sub is null)
                break;
            command = sub;
        }
        return command.Options.Any(o => o.Name == "--backend");
    }
}
