using GpuKMeans.Cli.Plots;

namespace GpuKMeans.Cli.Report;

/// <summary>Everything the interactive HTML report (<see cref="HtmlReport"/>) shows.</summary>
/// <param name="Title">The page heading, e.g. "k-means of iris.csv, k = 3".</param>
/// <param name="Points">Row-major <c>n × d</c> points the history was recorded on (after any scaling).</param>
/// <param name="Dimensions">Number of features <c>d</c>.</param>
/// <param name="History">The recorded iterations (<see cref="KMeansResult.History"/>); at least one.</param>
/// <param name="TruthLabels">A known class per point (any integers), or null; adds the "Colour by true label" toggle.</param>
/// <param name="Elbow">(k, inertia) rows for the elbow chart, or null for none.</param>
/// <param name="DeviceDescription">The backend and device that fitted, e.g. "CPU (12 threads)".</param>
/// <param name="Space">The features' names and scaling, or null for unscaled <c>x0 … x{d−1}</c>.</param>
/// <param name="Inertia">The inertia of every recorded iteration (<see cref="InertiaOf"/>), or null for no inertia chart.</param>
internal sealed record ReportData(
    string Title,
    float[] Points,
    int Dimensions,
    IReadOnlyList<KMeansIterationSnapshot> History,
    int[]? TruthLabels,
    IReadOnlyList<(int K, double Inertia)>? Elbow,
    string DeviceDescription,
    FeatureSpace? Space = null,
    IReadOnlyList<double>? Inertia = null)
{
    /// <summary>
    /// The inertia of each of <paramref name="result"/>'s recorded iterations (those of the winning run): the inertia
    /// of the assignment to that iteration's centroids, as <see cref="KMeansResult.IterationStats"/> records it.
    /// </summary>
    public static double[] InertiaOf(KMeansResult result)
    {
        var byIteration = result.IterationStats.Where(s => s.Run == result.Run).ToDictionary(s => s.Iteration, s => s.Inertia);
        return [.. result.History.Select(s => byIteration.TryGetValue(s.Iteration, out double inertia) ? inertia : double.NaN)];
    }
}
