using GpuKMeans.Cli.Io;

namespace GpuKMeans.Cli.Fit;

/// <summary>The parsed arguments of <c>gpukmeans fit</c>, as the user typed them (checked by <see cref="FitRunner"/>).</summary>
/// <param name="Input">Path of the file of points.</param>
/// <param name="InputOptions">How to read it (<c>--format</c>, <c>--delimiter</c>, <c>--columns</c>, <c>--dims</c>).</param>
/// <param name="K">Number of clusters (<c>--k</c>).</param>
/// <param name="Init"><c>k-means++</c>, <c>k-means||</c>, <c>random</c> or the path of a CSV or .npy file of initial centroids (<c>--init</c>).</param>
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
/// <param name="DeviceMemoryMb">Device memory the points may fill before the fit streams them, in MiB, or <c>null</c> for the device's default (<c>--device-memory</c>).</param>
/// <param name="Devices">Comma-separated device indices to shard the points over, or <c>null</c> for one device (<c>--devices</c>).</param>
/// <param name="ModelPath">Where to write the model file (centroids, scaler, options, provenance), or <c>null</c> (<c>--model</c>).</param>
/// <param name="MiniBatchSize">Rows per mini-batch step, or <c>null</c> for a Lloyd fit (<c>--mini-batch</c>).</param>
/// <param name="Cluster">Worker gateways <c>HOST:G[,HOST:G…]</c> to fit through, or <c>null</c> for a local fit (<c>--cluster</c>).</param>
/// <param name="Shards">Row shards of a cluster fit, or <c>null</c> for one per gateway (<c>--shards</c>).</param>
/// <param name="InitGiven">Whether <c>--init</c> was typed (a cluster fit without it uses the cluster's default init).</param>
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
    long? DeviceMemoryMb = null,
    string? Devices = null,
    string? ModelPath = null,
    int? MiniBatchSize = null,
    string? Cluster = null,
    int? Shards = null,
    bool InitGiven = true,
    string Algorithm = "auto");
