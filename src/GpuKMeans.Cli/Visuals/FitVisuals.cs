using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Plots;
using GpuKMeans.Cli.Report;

namespace GpuKMeans.Cli.Visuals;

/// <summary>
/// The pictures of <c>fit</c>: <c>--plot</c>, <c>--plot-iterations</c> and <c>--report</c>, drawn from the points the
/// model was fitted on (after <c>--scale</c>, the space the centroids live in) and written all or nothing. The
/// <paramref name="space"/> of <see cref="Write"/> names the axes as the summary names the columns and, for one or two
/// features, draws them in the original units the summary prints.
/// </summary>
internal static class FitVisuals
{
    /// <summary>Whether any picture needs the per-iteration history.</summary>
    public static bool NeedsHistory(string? iterationsPath, string? reportPath) => iterationsPath is not null || reportPath is not null;

    /// <summary>Writes every picture asked for.</summary>
    /// <param name="plotPath"><c>--plot</c>, or null.</param>
    /// <param name="iterationsPath"><c>--plot-iterations</c>, or null.</param>
    /// <param name="reportPath"><c>--report</c>, or null.</param>
    /// <param name="truth"><c>--truth</c> labels, or null.</param>
    /// <param name="elbow">The <c>--elbow</c> rows, or null.</param>
    /// <param name="inputName">The input file, for titles.</param>
    /// <param name="points">Row-major points in fitted units.</param>
    /// <param name="dims">Number of features.</param>
    /// <param name="result">The fit (centroids in fitted units).</param>
    /// <param name="space">The features' names and scaling.</param>
    public static void Write(
        string? plotPath, string? iterationsPath, string? reportPath, int[]? truth,
        IReadOnlyList<(int K, double Inertia)>? elbow, string inputName, float[] points, int dims, KMeansResult result,
        FeatureSpace space)
    {
        string name = Path.GetFileName(inputName);
        string inertiaUnits = space.ScaleName is { } scale ? $" ({scale}-scaled units)" : "";
        if (plotPath is not null)
            AtomicFile.WriteVia(plotPath, temp => ClusterPlot.Save(
                temp, points, dims, result.Labels.AsSpan(), result.Centroids.AsSpan(), result.ClusterCount,
                $"{name}: k = {result.ClusterCount}, inertia {result.Inertia:G6}{inertiaUnits}", space: space));
        if (iterationsPath is not null)
            AtomicFile.WriteVia(iterationsPath, temp => IterationsPlot.Save(temp, points, dims, result.History, space: space));
        if (reportPath is not null)
            AtomicFile.WriteVia(reportPath, temp => HtmlReport.Write(temp, new ReportData(
                $"k-means on {name} (k = {result.ClusterCount})", points, dims, result.History, truth, elbow,
                $"{result.BackendName} ({result.DeviceName})", space, ReportData.InertiaOf(result))));
    }
}
