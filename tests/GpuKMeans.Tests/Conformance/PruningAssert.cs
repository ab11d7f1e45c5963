using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Conformance;

/// <summary>A pruned fit against the unpruned one: iteration by iteration, with the tolerance table's near-tie rule.</summary>
internal static class PruningAssert
{
    public static void SameFit(KMeansResult lloyd, KMeansResult pruned, float[] points, int d, string what)
    {
        Assert.Equal(lloyd.Iterations, pruned.Iterations);
        Assert.Equal(lloyd.Converged, pruned.Converged);
        Assert.Equal(lloyd.History.Count, pruned.History.Count);
        for (int t = 0; t < lloyd.History.Count; t++)
        {
            var centroids = lloyd.History[t].Centroids.ToArray();
            SameCentroids(centroids, pruned.History[t].Centroids.ToArray(), $"{what}, iteration {t + 1}");
            SameLabels(lloyd.History[t].Labels.ToArray(), pruned.History[t].Labels.ToArray(), centroids, points, d,
                $"{what}, iteration {t + 1}");
        }
        SameCentroids(lloyd.Centroids.ToArray(), pruned.Centroids.ToArray(), $"{what}, result");
        SameLabels(lloyd.Labels.ToArray(), pruned.Labels.ToArray(), lloyd.Centroids.ToArray(), points, d, $"{what}, result");
        Assert.True(Tolerances.Close(pruned.Inertia, lloyd.Inertia, Math.Max(lloyd.Inertia, 1e-30), 1e-6),
            $"{what}: inertia {pruned.Inertia} vs Lloyd's {lloyd.Inertia}");
        for (int t = 0; t < lloyd.IterationStats.Count; t++)
            Assert.Equal(lloyd.IterationStats[t].RelocatedClusterCount, pruned.IterationStats[t].RelocatedClusterCount);
    }

    private static void SameCentroids(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Tolerances.Close(actual[i], expected[i], Math.Max(Math.Abs(expected[i]), 1), Tolerances.Centroid),
                $"{what}: centroid value {i} is {actual[i]}, Lloyd's {expected[i]}");
    }

    /// <summary>Equal labels, except where the two centroids are a near-tie for the point (either is then right).</summary>
    private static void SameLabels(int[] expected, int[] actual, float[] centroids, float[] points, int d, string what)
    {
        var c = ScalarKMeans.ToDouble(centroids.AsSpan());
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] == actual[i])
                continue;
            double a = ScalarKMeans.SquaredDistance(points, i, c, expected[i], d);
            double b = ScalarKMeans.SquaredDistance(points, i, c, actual[i], d);
            double scale = ScalarKMeans.SquaredNorm(points, i, d)
                + Math.Max(ScalarKMeans.SquaredNorm(centroids, expected[i], d), ScalarKMeans.SquaredNorm(centroids, actual[i], d));
            Assert.True(Math.Abs(a - b) <= Tolerances.LabelTie * scale,
                $"{what}: point {i} labelled {actual[i]} (distance² {b}), Lloyd's {expected[i]} ({a}): not a near-tie");
        }
    }
}
