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
    /// <param name="silhouetteSample">
    /// When set, each k ≥ 2 also gets the silhouette score of its best run on this many sampled rows (sampled with
    /// <see cref="KMeansOptions.Seed"/>), computed on the same uploaded dataset; <c>null</c> where it is undefined.
    /// </param>
    public static List<ElbowRow> Run(
        KMeansDataset dataset, KMeansOptions options, int kMin, int kMax,
        Func<int, IProgress<KMeansIterationStats>?>? progressFor = null, Action<ElbowRow>? done = null,
        int? silhouetteSample = null)
    {
        var rows = new List<ElbowRow>(kMax - kMin + 1);
        for (int k = kMin; k <= kMax; k++)
        {
            var clock = Stopwatch.StartNew();
            using var kmeans = new KMeans(options with { ClusterCount = k }, dataset.Device);
            var result = kmeans.Fit(dataset, progressFor?.Invoke(k));
            double seconds = clock.Elapsed.TotalSeconds;
            double? silhouette = silhouetteSample is { } sample && k >= 2
                ? SilhouetteOrNull(kmeans, result, dataset, sample, options.Seed)
                : null;
            var row = new ElbowRow(k, result.Inertia, result.Iterations, result.Converged, seconds, silhouette);
            rows.Add(row);
            done?.Invoke(row);
        }
        return rows;
    }

    /// <summary>The silhouette score, or <c>null</c> when the sampled rows do not have 2 to m − 1 distinct labels.</summary>
    private static double? SilhouetteOrNull(KMeans kmeans, KMeansResult result, KMeansDataset dataset, int sample, int? seed)
    {
        try
        {
            return kmeans.Silhouette(result, dataset, sample, seed);
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException && e.ParamName == "model")
        {
            return null; // undefined for this labelling, as scikit-learn's ValueError
        }
    }
}
