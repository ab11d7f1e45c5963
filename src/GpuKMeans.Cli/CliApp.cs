using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using GpuKMeans.Cli.Demo;
using GpuKMeans.Cli.Devices;
using GpuKMeans.Cli.Elbow;
using GpuKMeans.Cli.Fit;
using GpuKMeans.Cli.Generate;
using GpuKMeans.Cli.Predict;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli;

/// <summary>
/// The command line, runnable in-process by tests with their own writers. Exit codes: 0 success, 2 bad usage or
/// bad input (parse errors, <see cref="CliUsageException"/>, the library's <see cref="ArgumentException"/> and
/// <see cref="NotSupportedException"/>), 1 anything unexpected, including standard output that cannot be written
/// (a full device or a closed pipe: "cannot write to standard output"). A failing standard error never aborts a
/// run: its writes are dropped (see <see cref="GuardedWriter"/>).
/// </summary>
internal static class CliApp
{
    /// <summary>The tool's command name, as installed by <c>dotnet tool install</c>.</summary>
    public const string Name = "gpukmeans";

    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code of an unexpected failure.</summary>
    public const int Failure = 1;

    /// <summary>Exit code of bad usage or bad input.</summary>
    public const int UsageError = 2;

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code (0 ok, 2 bad usage or input).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var output = new GuardedWriter(stdout, "standard output", dropFailures: false);
        stderr = new GuardedWriter(stderr, "standard error", dropFailures: true);
        try
        {
            return Run(args, output, stderr);
        }
        catch (StandardStreamException e)
        {
            return Report(stderr, e.Message, Failure);
        }
        catch (Io.OutputWriteException e)
        {
            return Report(stderr, e.Message, Failure);
        }
    }

    private static int Run(string[] args, GuardedWriter stdout, TextWriter stderr)
    {
        ParseResult parsed = CreateRootCommand().Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
                stderr.WriteLine($"{Name}: error: {Describe(error)}");
            stderr.WriteLine($"Run '{CommandPath(parsed.CommandResult.Command)} --help' for usage and examples.");
            return UsageError;
        }

        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return parsed.Invoke(configuration);
        }
        catch (StandardStreamException e)
        {
            return Report(stderr, e.Message, Failure);
        }
        catch (Io.OutputWriteException e)
        {
            return Report(stderr, e.Message, Failure);
        }
        catch (CliUsageException e)
        {
            return Report(stderr, e.Message, UsageError);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return Report(stderr, e.Message, UsageError);
        }
        catch (Exception e) when (e is Orleans.KMeansWorkerLostException or TimeoutException)
        {
            return Report(stderr, e.Message, Failure);   // a cluster fit lost a worker or reached none: no stack, the message says which
        }
        catch (Exception e)
        {
            return Report(stderr, $"unexpected {e.GetType().Name}: {e.Message}", Failure);
        }
        finally
        {
            if (!stdout.Failed)
                stdout.Flush(); // a failure here reaches the caller's handler as a StandardStreamException
        }
    }

    /// <summary>Builds the root command (the demo) with its subcommands and help with examples.</summary>
    internal static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "k-means clustering on the GPU (CUDA, OpenCL) or the CPU, with scikit-learn's semantics. "
            + "Without a command, runs the demo: three Gaussian blobs, k = 3 on the best device, and the elbow table for k = 1..9.")
        {
            HelpName = Name,
        };
        root.Add(FitCommand.Create());
        root.Add(PredictCommand.Create());
        root.Add(Transform.TransformCommand.Create());
        root.Add(Score.ScoreCommand.Create());
        root.Add(ElbowCommand.Create());
        root.Add(GenerateCommand.Create());
        root.Add(DevicesCommand.Create());
        root.Add(Bench.BenchCommand.Create());
        root.Add(Cluster.WorkerCommand.Create());
        root.SetAction(parsed => DemoRunner.Run(parsed.InvocationConfiguration.Output));
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction standard)
                help.Action = new ExamplesHelpAction(standard);
        }
        return root;
    }

    /// <summary>A parse error's message, prefixed with the option it concerns when the message does not name it.</summary>
    private static string Describe(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult result => result.Option,
            ArgumentResult { Parent: OptionResult result } => result.Option,
            _ => null,
        };
        string message = string.Join(' ', error.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return option is null || message.Contains(option.Name, StringComparison.Ordinal) ? message : $"{option.Name}: {message}";
    }

    private static string CommandPath(Command command) =>
        command is RootCommand ? Name : $"{Name} {CliExamples.PathOf(command)}";

    private static int Report(TextWriter stderr, string message, int exitCode)
    {
        stderr.WriteLine($"{Name}: error: {message}");
        stderr.Flush();
        return exitCode;
    }
}
