using System.Diagnostics;

namespace GpuKMeans.Cli.Elbow;

/// <summary>
/// Fits k = <c>kMin..kMax</c> on one <see cref="KMeansDataset"/>: the points are uploaded once, by the caller, and
/// every fit reads them where they are. The sweep never sees the host points, so it cannot upload them again.
/// </summary>
internal static class ElbowSweep
{
    /// <summary>Fits every k from <paramref name="kMin"/> to <paramref name="kMax"/> with <paramref name="options"/> (its k replaced).</summary>
    /// <param name="dataset">The uploaded points.</param>
    /// <param name="options">The options of every fit; <see cref="KMeansOptions.ClusterCount"/> is set per k.</param>
    /// <param name="kMin">The first k.</param>
    /// <param name="kMax">The last k.</param>
    /// <param name="progressFor">The iteration progress of the fit for a k, or <c>null</c>.</param>
    /// <param name="done">Called after each k with the row.</param>
    public static List<ElbowRow> Run(
        KMeansDataset dataset, KMeansOptions options, int kMin, int kMax,
        Func<int, IProgress<KMeansIterationStats>?>? progressFor = null, Action<ElbowRow>? done = null)
    {
        var rows = new List<ElbowRow>(kMax - kMin + 1);
        for (int k = kMin; k <= kMax; k++)
        {
            var clock = Stopwatch.StartNew();
            using var kmeans = new KMeans(options with { ClusterCount = k }, dataset.Device);
            var result = kmeans.Fit(dataset, progressFor?.Invoke(k));
            var row = new ElbowRow(k, result.Inertia, result.Iterations, result.Converged, clock.Elapsed.TotalSeconds);
            rows.Add(row);
            done?.Invoke(row);
        }
        return rows;
    }
}
