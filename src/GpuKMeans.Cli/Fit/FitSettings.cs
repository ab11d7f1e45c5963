namespace GpuKMeans.Cli.Fit;

/// <summary>The parsed arguments of <c>gpukmeans fit</c>, as the user typed them (checked by <see cref="FitRunner"/>).</summary>
/// <param name="Input">Path of the CSV of points.</param>
/// <param name="K">Number of clusters (<c>--k</c>).</param>
/// <param name="Init"><c>k-means++</c>, <c>random</c> or the path of a CSV of initial centroids (<c>--init</c>).</param>
/// <param name="InitCount">Number of runs, or <c>null</c> for the library's "auto" (<c>--n-init</c>).</param>
/// <param name="MaxIterations">Iteration limit of one run (<c>--max-iter</c>).</param>
/// <param name="Tolerance">Relative convergence tolerance (<c>--tol</c>).</param>
/// <param name="Seed">Random seed, or <c>null</c> for a random one (<c>--seed</c>).</param>
/// <param name="Backend"><c>auto</c>, <c>cuda</c>, <c>opencl</c> or <c>cpu</c> (<c>--backend</c>).</param>
/// <param name="LabelsPath">Where to write the labels, or <c>null</c> (<c>--labels</c>).</param>
/// <param name="CentroidsPath">Where to write the centroids, or <c>null</c> (<c>--centroids</c>).</param>
/// <param name="Json">Print one JSON object instead of the summary (<c>--json</c>).</param>
internal sealed record FitSettings(
    string Input,
    int K,
    string Init,
    int? InitCount,
    int MaxIterations,
    double Tolerance,
    int? Seed,
    string Backend,
    string? LabelsPath,
    string? CentroidsPath,
    bool Json);
