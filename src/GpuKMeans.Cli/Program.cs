namespace GpuKMeans.Cli;

/// <summary>Entry point of the <c>gpukmeans</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the tool; see <see cref="CliApp"/>.</summary>
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
