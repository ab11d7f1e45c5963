using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Plots;
using GpuKMeans.Cli.Report;

namespace GpuKMeans.Cli.Visuals;

/// <summary>
/// The pictures of <c>fit</c>: <c>--plot</c>, <c>--plot-iterations</c> and <c>--report</c>, drawn from the points the
/// model was fitted on (after <c>--scale</c>, the space the centroids live in) and written all or nothing.
/// </summary>
internal static class FitVisuals
{
    /// <summary>Whether any picture needs the per-iteration history.</summary>
    public static bool NeedsHistory(string? iterationsPath, string? reportPath) => iterationsPath is not null || reportPath is not null;

    public static void Write(
        string? plotPath, string? iterationsPath, string? reportPath, int[]? truth,
        IReadOnlyList<(int K, double Inertia)>? elbow, string inputName, float[] points, int dims, KMeansResult result)
    {
        string name = Path.GetFileName(inputName);
        if (plotPath is not null)
            AtomicFile.WriteVia(plotPath, temp => ClusterPlot.Save(
                temp, points, dims, result.Labels.AsSpan(), result.Centroids.AsSpan(), result.ClusterCount,
                $"{name}: k = {result.ClusterCount}, inertia {result.Inertia:G6}"));
        if (iterationsPath is not null)
            AtomicFile.WriteVia(iterationsPath, temp => IterationsPlot.Save(temp, points, dims, result.History));
        if (reportPath is not null)
            AtomicFile.WriteVia(reportPath, temp => HtmlReport.Write(temp, new ReportData(
                $"k-means on {name} (k = {result.ClusterCount})", points, dims, result.History, truth, elbow,
                $"{result.BackendName} ({result.DeviceName})")));
    }
}
