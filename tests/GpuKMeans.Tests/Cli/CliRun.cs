using GpuKMeans.Cli;

namespace GpuKMeans.Tests.Cli;

/// <summary>The outcome of one in-process run of the command line.</summary>
/// <param name="ExitCode">What <see cref="CliApp.Run"/> returned.</param>
/// <param name="Out">Everything written to standard output.</param>
/// <param name="Err">Everything written to standard error.</param>
public sealed record CliRun(int ExitCode, string Out, string Err)
{
    /// <summary>Runs <c>gpukmeans</c> with <paramref name="args"/> and captures both writers.</summary>
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = CliApp.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Both outputs, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
