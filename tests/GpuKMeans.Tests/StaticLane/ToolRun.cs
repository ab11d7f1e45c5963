using System.Diagnostics;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>The result of one external tool run: exit code and both streams.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
public sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Both streams, standard output first (for failure messages).</summary>
    public string Output => Stdout + Stderr;

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> and waits for it (at most <paramref name="timeout"/>).</summary>
    public static ToolRun Start(string file, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in time");
        }
        return new ToolRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
