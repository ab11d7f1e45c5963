namespace GpuKMeans.Cli.Bench;

/// <summary>The parsed arguments of <c>gpukmeans bench</c>.</summary>
/// <param name="Sizes">Point counts n, ascending.</param>
/// <param name="Dimensions">Features d.</param>
/// <param name="Clusters">Clusters k.</param>
/// <param name="Iterations">Lloyd iterations timed per measurement (the median is reported).</param>
/// <param name="Backends">Backends to run, in order (<c>scalar</c> and the <c>--backend</c> names).</param>
/// <param name="BudgetSeconds">A backend whose measurement took longer is not run on larger n.</param>
/// <param name="MarkdownPath">Where to write the markdown table, or <c>null</c>.</param>
/// <param name="PlotPath">Where to write the PNG plot, or <c>null</c>.</param>
/// <param name="DeviceMemoryMb">Device memory budget in MiB (<c>--device-memory</c>): larger data are streamed, or <c>null</c>.</param>
internal sealed record BenchSettings(
    int[] Sizes, int Dimensions, int Clusters, int Iterations, string[] Backends, double BudgetSeconds,
    string? MarkdownPath, string? PlotPath, long? DeviceMemoryMb = null);
