using GpuKMeans.Backends;
using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Scaling;

/// <summary>Data, budgets and comparisons shared by the streaming, sharding and partial-statistics tests.</summary>
internal static class ScalingData
{
    /// <summary>Well-separated blobs (no near-ties), so labels must agree exactly between resident and split fits.</summary>
    public static float[] Blobs(int n, int d, int k, int seed) => TestData.Blobs(n, d, k, spread: 40f, new Random(seed)).Points;

    /// <summary>A budget that holds the points of <c>n / parts</c> rows: the fit streams in about <c>2 · parts</c> chunks.</summary>
    public static long BudgetFor(int n, int d, double parts) => (long)(Residency.ResidentBytes(n, d) / parts);

    public static void Close(KMeansResult expected, KMeansResult actual, double relative = 1e-6)
    {
        Assert.Equal(expected.Labels.ToArray(), actual.Labels.ToArray());
        Assert.Equal(expected.Iterations, actual.Iterations);
        Assert.True(Math.Abs(expected.Inertia - actual.Inertia) <= relative * expected.Inertia,
            $"inertia {actual.Inertia} vs {expected.Inertia}");
        double scale = expected.Centroids.Max(v => Math.Abs(v));
        for (int i = 0; i < expected.Centroids.Length; i++)
            Assert.True(Math.Abs(expected.Centroids[i] - actual.Centroids[i]) <= relative * scale,
                $"centroid value {i}: {actual.Centroids[i]} vs {expected.Centroids[i]}");
    }

    public static void Identical(KMeansResult first, KMeansResult second)
    {
        Assert.Equal(first.Labels.ToArray(), second.Labels.ToArray());
        Assert.Equal(first.Centroids.Select(BitConverter.SingleToInt32Bits), second.Centroids.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(first.Inertia), BitConverter.DoubleToInt64Bits(second.Inertia));
        Assert.Equal(first.Iterations, second.Iterations);
    }
}
