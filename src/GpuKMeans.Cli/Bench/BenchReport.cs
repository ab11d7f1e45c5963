using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace GpuKMeans.Cli.Bench;

/// <summary>The markdown table of a <c>bench</c> run, with the machine it ran on.</summary>
internal static class BenchReport
{
    public static string Markdown(IReadOnlyList<BenchRow> rows, BenchSettings settings)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"# gpukmeans bench, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", invariant)} UTC");
        text.AppendLine();
        text.AppendLine(invariant,
            $"Machine: {Environment.MachineName}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}.");
        text.AppendLine(invariant,
            $"One Lloyd iteration (assign + reduce + centroid update), data resident on the device, median of {settings.Iterations} iterations after one warm-up; d = {settings.Dimensions}, k = {settings.Clusters}; GFLOP/s counts 2·n·k·d per iteration.");
        text.AppendLine();
        text.AppendLine("| backend | device | n | ms / iteration | GFLOP/s | × scalar |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var scalar = rows.FirstOrDefault(r => r.Backend == "scalar" && r.N == row.N && !double.IsNaN(r.MillisecondsPerIteration));
            string speedup = scalar is null || double.IsNaN(row.MillisecondsPerIteration)
                ? "" : (scalar.MillisecondsPerIteration / row.MillisecondsPerIteration).ToString("F1", invariant);
            string time = double.IsNaN(row.MillisecondsPerIteration) ? row.Note : row.MillisecondsPerIteration.ToString("F3", invariant);
            string gflops = double.IsNaN(row.MillisecondsPerIteration) ? "" : row.GigaflopsPerSecond.ToString("F2", invariant);
            text.AppendLine(invariant, $"| {row.Backend} | {row.Device} | {row.N:N0} | {time} | {gflops} | {speedup} |");
        }
        return text.ToString();
    }
}
