using Spectre.Console;

namespace GpuKMeans.Cli.Shared;

/// <summary>
/// The two writers of a run and what may be drawn on them: <c>--verbose</c> lines go to <see cref="Error"/>, and
/// Spectre.Console progress bars are drawn on standard error only when both standard output and standard error
/// are the process's own, not redirected, terminal (never for tests' StringWriters, pipes or files) and the run
/// is not verbose.
/// </summary>
/// <param name="output">Standard output: reports, tables and JSON.</param>
/// <param name="error">Standard error: verbose lines and progress bars.</param>
/// <param name="verbose">Whether <c>--verbose</c> was given.</param>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool verbose = false)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Whether <c>--verbose</c> was given: per-iteration lines on <see cref="Error"/>.</summary>
    public bool Verbose { get; } = verbose;

    /// <summary>Whether progress bars are drawn (see the class summary).</summary>
    public bool ShowsProgress =>
        !Verbose
        && ReferenceEquals(GuardedWriter.Unwrap(Out), Console.Out) && !Console.IsOutputRedirected
        && ReferenceEquals(GuardedWriter.Unwrap(Error), Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Writes one verbose line to <see cref="Error"/> when <see cref="Verbose"/> is set.</summary>
    public void Trace(string line)
    {
        if (!Verbose)
            return;
        Error.WriteLine(line);
        Error.Flush();
    }

    /// <summary>
    /// Runs <paramref name="work"/>, which reports its progress towards <paramref name="total"/> through the action
    /// it is given, under a progress bar labelled <paramref name="description"/> when <see cref="ShowsProgress"/>;
    /// otherwise the reports go nowhere.
    /// </summary>
    public T WithProgress<T>(string description, double total, Func<Action<double>, T> work)
    {
        if (!ShowsProgress || total <= 0)
            return work(static _ => { });
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), autoStart: true, maxValue: total);
                T result = work(value => task.Value = Math.Min(value, total));
                task.Value = total;
                return result;
            });
    }
}
