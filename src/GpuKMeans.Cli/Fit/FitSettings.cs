using GpuKMeans.Cli.Io;

namespace GpuKMeans.Cli.Fit;

/// <summary>The parsed arguments of <c>gpukmeans fit</c>, as the user typed them (checked by <see cref="FitRunner"/>).</summary>
/// <param name="Input">Path of the file of points.</param>
/// <param name="InputOptions">How to read it (<c>--format</c>, <c>--delimiter</c>, <c>--columns</c>, <c>--dims</c>).</param>
/// <param name="K">Number of clusters (<c>--k</c>).</param>
/// <param name="Init"><c>k-means++</c>, <c>random</c> or the path of a CSV or .npy file of initial centroids (<c>--init</c>).</param>
/// <param name="InitCount">Number of runs, or <c>null</c> for the library's "auto" (<c>--n-init</c>).</param>
/// <param name="MaxIterations">Iteration limit of one run (<c>--max-iter</c>).</param>
/// <param name="Tolerance">Relative convergence tolerance (<c>--tol</c>).</param>
/// <param name="Seed">Random seed, or <c>null</c> for a random one (<c>--seed</c>).</param>
/// <param name="Backend">A <c>--backend</c> value.</param>
/// <param name="Scale"><c>none</c>, <c>standard</c> or <c>minmax</c> (<c>--scale</c>).</param>
/// <param name="LabelsPath">Where to write the labels, or <c>null</c> (<c>--labels</c>).</param>
/// <param name="CentroidsPath">Where to write the centroids, or <c>null</c> (<c>--centroids</c>).</param>
/// <param name="Json">Print one JSON object instead of the summary (<c>--json</c>).</param>
/// <param name="Verbose">Write every iteration to standard error (<c>--verbose</c>).</param>
/// <param name="PlotPath">PNG of the clusters, or <c>null</c> (<c>--plot</c>).</param>
/// <param name="PlotIterationsPath">PNG of the first iterations, or <c>null</c> (<c>--plot-iterations</c>).</param>
/// <param name="ReportPath">Self-contained HTML report, or <c>null</c> (<c>--report</c>).</param>
/// <param name="TruthPath">True labels for the report's "colour by true label", or <c>null</c> (<c>--truth</c>).</param>
/// <param name="ElbowMax">Also fit k = 1..this on the same upload, for the report's elbow chart, or <c>null</c> (<c>--elbow</c>).</param>
/// <param name="Algorithm"><c>auto</c>, <c>lloyd</c>, <c>elkan</c> or <c>yinyang</c> (<c>--algorithm</c>).</param>
internal sealed record FitSettings(
    string Input,
    InputOptions InputOptions,
    int K,
    string Init,
    int? InitCount,
    int MaxIterations,
    double Tolerance,
    int? Seed,
    string Backend,
    string Scale,
    string? LabelsPath,
    string? CentroidsPath,
    bool Json,
    bool Verbose,
    string? PlotPath = null,
    string? PlotIterationsPath = null,
    string? ReportPath = null,
    string? TruthPath = null,
    int? ElbowMax = null,
    string Algorithm = "auto");
