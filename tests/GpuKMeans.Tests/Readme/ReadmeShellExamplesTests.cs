using System.Diagnostics;
using System.Text;
using GpuKMeans.Cli;
using Xunit;

namespace GpuKMeans.Tests.Readme;

/// <summary>
/// Every command in the README's ```sh blocks runs as written, in a scratch directory holding a copy of
/// docs/data: `dotnet run --project src/GpuKMeans.Cli -- …` lines run the tool in-process, other lines
/// (printf, …) run in bash; `dotnet test` and the GPU-machine lines are skipped. Each must exit 0, and together they
/// write only into out/ (which .gitignore covers): a clone is left clean and the committed docs are never overwritten.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ReadmeShellExamplesTests
{
    private const string ToolPrefix = "dotnet run --project src/GpuKMeans.Cli";

    [Fact]
    public void EveryShellExampleRunsAsWritten()
    {
        var commands = ShellCommands(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")));
        Assert.Contains(commands, c => c.StartsWith(ToolPrefix, StringComparison.Ordinal));
        string scratch = Directory.CreateTempSubdirectory("gpukmeans-readme-").FullName;
        string previous = Environment.CurrentDirectory;
        try
        {
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "docs"), Path.Combine(scratch, "docs"));
            var docsBefore = Snapshot(Path.Combine(scratch, "docs"));
            Environment.CurrentDirectory = scratch;
            foreach (string command in commands)
            {
                var (exit, output) = command.StartsWith(ToolPrefix, StringComparison.Ordinal) ? RunTool(command) : RunBash(command, scratch);
                Assert.True(exit == 0, $"README command failed with exit code {exit}:\n  {command}\n{output}");
            }
            TestContext.Current.SendDiagnosticMessage($"ran {commands.Count} README commands:\n{string.Join("\n", commands)}");
            Assert.True(File.Exists(Path.Combine(scratch, "out", "iris-clusters.png")), "the Iris walkthrough wrote no picture into out/");
            Assert.Equal(["docs", "out"], Directory.EnumerateFileSystemEntries(scratch).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(docsBefore, Snapshot(Path.Combine(scratch, "docs"))); // nothing in docs/ written or added
            Assert.Contains("/out/", File.ReadAllLines(Path.Combine(Repository.Root(), ".gitignore")));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The commands of every ```sh block: comment lines, `dotnet test` and GPU-machine lines left out.</summary>
    private static List<string> ShellCommands(string readme)
    {
        var commands = new List<string>();
        bool inBlock = false;
        string pending = "";
        foreach (string raw in readme.ReplaceLineEndings("\n").Split('\n'))
        {
            string line = raw.Trim();
            if (inBlock && line.EndsWith('\\'))
            {
                pending += line[..^1].TrimEnd() + " ";   // a continued line: join it with the next
                continue;
            }
            line = pending + line;
            pending = "";
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock && line is "```sh" or "```bash";
                continue;
            }
            if (!inBlock || line.Length == 0 || line.StartsWith('#') || line.StartsWith("dotnet test", StringComparison.Ordinal)
                // The GPU check publishes the whole solution here and runs on a GPU machine there: not a unit test.
                || line.Contains("scripts/gpu-check.sh", StringComparison.Ordinal) || line.Contains(".gpu/", StringComparison.Ordinal)
                || line.StartsWith("dotnet run -c Release --project benchmarks", StringComparison.Ordinal))
                continue;
            commands.Add(line);
        }
        return commands;
    }

    private static (int Exit, string Output) RunTool(string command)
    {
        string rest = command[ToolPrefix.Length..].Trim();
        if (rest.StartsWith("--", StringComparison.Ordinal) && (rest.Length == 2 || rest[2] == ' '))
            rest = rest[2..];
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = CliApp.Run([.. SplitWords(rest)], stdout, stderr);
        return (exit, $"{stdout}\n{stderr}");
    }

    private static (int Exit, string Output) RunBash(string command, string directory)
    {
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    /// <summary>Splits a command line into words as a POSIX shell would for the simple quoting the README uses.</summary>
    private static IEnumerable<string> SplitWords(string line)
    {
        var word = new StringBuilder();
        bool any = false;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                else
                    word.Append(c);
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                any = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (any || word.Length > 0)
                    yield return word.ToString();
                word.Clear();
                any = false;
            }
            else
                word.Append(c);
        }
        if (any || word.Length > 0)
            yield return word.ToString();
    }

    /// <summary>Every file under <paramref name="folder"/> with a hash of its bytes, sorted by path.</summary>
    private static List<string> Snapshot(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}")
            .Order(StringComparer.Ordinal)];

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
            return;
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
