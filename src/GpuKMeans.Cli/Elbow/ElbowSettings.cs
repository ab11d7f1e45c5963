using GpuKMeans.Cli.Io;

namespace GpuKMeans.Cli.Elbow;

/// <summary>The parsed arguments of <c>gpukmeans elbow</c>.</summary>
/// <param name="Input">Path of the file of points.</param>
/// <param name="InputOptions">How to read it.</param>
/// <param name="KMin">The first k (<c>--k-min</c>).</param>
/// <param name="KMax">The last k (<c>--k-max</c>).</param>
/// <param name="InitCount">Runs per k, or <c>null</c> for auto (<c>--n-init</c>).</param>
/// <param name="MaxIterations">Iteration limit of one run (<c>--max-iter</c>).</param>
/// <param name="Tolerance">Relative convergence tolerance (<c>--tol</c>).</param>
/// <param name="Seed">Random seed, or <c>null</c> (<c>--seed</c>).</param>
/// <param name="Backend">A <c>--backend</c> value.</param>
/// <param name="Scale"><c>none</c>, <c>standard</c> or <c>minmax</c>.</param>
/// <param name="CsvPath">Where to write the table as CSV, or <c>null</c> (<c>--csv</c>).</param>
/// <param name="Json">Print one JSON object instead of the table.</param>
/// <param name="Verbose">Write every iteration to standard error.</param>
/// <param name="PlotPath">PNG of inertia against k, or <c>null</c> (<c>--plot</c>).</param>
/// <param name="Silhouette">Also compute each k's silhouette score (<c>--silhouette</c>).</param>
/// <param name="SilhouetteSample">Rows the silhouette is computed on (<c>--silhouette-sample</c>).</param>
internal sealed record ElbowSettings(
    string Input, InputOptions InputOptions, int KMin, int KMax, int? InitCount, int MaxIterations, double Tolerance,
    int? Seed, string Backend, string Scale, string? CsvPath, bool Json, bool Verbose, string? PlotPath = null,
    bool Silhouette = false, int SilhouetteSample = ElbowSettings.DefaultSilhouetteSample)
{
    /// <summary>The default of <c>--silhouette-sample</c>, scikit-learn's usual <c>sample_size</c>.</summary>
    public const int DefaultSilhouetteSample = 10_000;
}
