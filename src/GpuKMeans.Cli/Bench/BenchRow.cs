namespace GpuKMeans.Cli.Bench;

/// <summary>One measurement: a backend at one size, or why it was not run.</summary>
/// <param name="Backend">The backend's <c>--backend</c> name, or <c>scalar</c>.</param>
/// <param name="Device">The device, as its driver names it.</param>
/// <param name="N">Points.</param>
/// <param name="D">Features.</param>
/// <param name="K">Clusters.</param>
/// <param name="MillisecondsPerIteration">Median time of one Lloyd iteration (assign + reduce + update), data resident; NaN if not run.</param>
/// <param name="Note">Why it was not run, or empty.</param>
internal sealed record BenchRow(string Backend, string Device, int N, int D, int K, double MillisecondsPerIteration, string Note)
{
    /// <summary>2·n·k·d flops per assignment over the time.</summary>
    public double GigaflopsPerSecond => 2.0 * N * K * D / (MillisecondsPerIteration * 1e6);
}
