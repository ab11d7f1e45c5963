namespace GpuKMeans.Cli;

/// <summary>The command line, runnable in-process by tests with their own writers.</summary>
internal static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code (0 ok, 2 bad usage or input).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine("gpukmeans: not implemented yet");
        return 0;
    }
}
