using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Oracle;

/// <summary>
/// Cases ported from scikit-learn 1.2.1's <c>sklearn/cluster/tests/test_k_means.py</c> (dense, Lloyd), with its
/// expected answers. They need no Python: the answers are scikit-learn's, written down.
/// </summary>
public sealed class SklearnPortedTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static KMeansResult Fit(KMeansOptions options, float[] points, int d, float[]? weights = null)
    {
        using var model = new KMeans(options with { Backend = KMeansBackend.Cpu });
        return model.Fit(points, d, weights, cancellationToken: Token);
    }

    /// <summary><c>test_kmeans_results</c>: a weighted toy problem solved by hand.</summary>
    [Fact]
    public void Toy_weighted_problem_has_the_hand_computed_answer()
    {
        var result = Fit(new KMeansOptions { ClusterCount = 2, InitialCentroids = [0, 0, 1, 1] },
            [0, 0, 0.5f, 0, 0.5f, 1, 1, 1], 2, [3, 1, 1, 3]);

        Assert.Equal([0, 0, 1, 1], result.Labels);
        Assert.Equal(0.375, result.Inertia, 1e-6);
        Assert.Equal([0.125f, 0, 0.875f, 1], result.Centroids);
        Assert.Equal(2, result.Iterations);
    }

    /// <summary><c>test_kmeans_relocated_clusters</c>: the far second centre is empty at the first iteration and relocated.</summary>
    [Fact]
    public void Empty_cluster_is_relocated_as_scikit_learn_does()
    {
        var result = Fit(new KMeansOptions { ClusterCount = 2, InitialCentroids = [0.5f, 0.5f, 3, 3] },
            [0, 0, 0.5f, 0, 0.5f, 1, 1, 1], 2);

        Assert.Equal(0.25, result.Inertia, 1e-6);
        Assert.Equal(3, result.Iterations);
        // scikit-learn accepts either labelling, depending on how its argpartition breaks ties.
        if (result.Labels[0] == 0)
        {
            Assert.Equal([0, 0, 1, 1], result.Labels);
            Assert.Equal([0.25f, 0, 0.75f, 1], result.Centroids);
        }
        else
        {
            Assert.Equal([1, 1, 0, 0], result.Labels);
            Assert.Equal([0.75f, 1, 0.25f, 0], result.Centroids);
        }
    }

    /// <summary><c>test_kmeans_empty_cluster_relocated</c>: relocation with sample weights (scikit-learn #13486).</summary>
    [Fact]
    public void Empty_cluster_is_relocated_with_sample_weights()
    {
        var result = Fit(new KMeansOptions { ClusterCount = 2, InitialCentroids = [-1, 10] }, [-1, 1], 1, [1.9f, 0.1f]);

        Assert.Equal(2, result.Labels.Distinct().Count());
        Assert.Equal([-1f, 1f], result.Centroids);
    }

    /// <summary>
    /// <c>test_weighted_vs_repeated</c>: an integer sample weight w gives the same fit as w copies of the row
    /// (from the same initial centroids; scikit-learn's data: 100 blobs around its three 5-d centres).
    /// </summary>
    [Fact]
    public void Integer_weights_equal_repeated_rows()
    {
        var (points, weights, start) = SklearnTestData(42);
        var repeated = new List<float>();
        for (int i = 0; i < weights.Length; i++)
            for (int r = 0; r < (int)weights[i]; r++)
                repeated.AddRange(points.AsSpan(i * 5, 5).ToArray());

        var options = new KMeansOptions { ClusterCount = 3, InitialCentroids = start, Tolerance = 0 };
        var weighted = Fit(options, points, 5, weights);
        var copies = Fit(options, [.. repeated], 5);

        var expanded = new List<int>();
        for (int i = 0; i < weights.Length; i++)
            expanded.AddRange(Enumerable.Repeat(weighted.Labels[i], (int)weights[i]));
        Assert.Equal(expanded, copies.Labels);
        Assert.Equal(weighted.Inertia, copies.Inertia, weighted.Inertia * 1e-5);
        for (int j = 0; j < weighted.Centroids.Length; j++)
            Assert.Equal(weighted.Centroids[j], copies.Centroids[j], 1e-4f);
    }

    /// <summary><c>test_unit_weights_vs_no_weights</c> and <c>test_scaled_weights</c> (k-means++ with a fixed seed).</summary>
    [Fact]
    public void Unit_weights_equal_no_weights_and_scaling_weights_changes_nothing()
    {
        var (points, _, _) = SklearnTestData(42);
        var random = new Random(7);
        float[] weights = [.. Enumerable.Range(0, 100).Select(_ => (float)random.NextDouble() + 1e-3f)];
        var options = new KMeansOptions { ClusterCount = 3, Seed = 0 };

        var none = Fit(options, points, 5);
        var ones = Fit(options, points, 5, [.. Enumerable.Repeat(1f, 100)]);
        Assert.Equal(none.Labels, ones.Labels);
        Assert.Equal(none.Centroids, ones.Centroids);

        var original = Fit(options, points, 5, weights);
        var halved = Fit(options, points, 5, [.. weights.Select(w => 0.5f * w)]);
        Assert.Equal(original.Labels, halved.Labels);
        for (int j = 0; j < original.Centroids.Length; j++)
            Assert.Equal(original.Centroids[j], halved.Centroids[j], 1e-5f);
    }

    /// <summary><c>test_n_init</c>: more random-row runs never give a worse kept run (one iteration each).</summary>
    [Fact]
    public void More_runs_never_give_a_worse_inertia()
    {
        var (points, _, _) = SklearnTestData(42);
        double previous = double.PositiveInfinity;
        foreach (int runs in new[] { 1, 5, 10 })
        {
            var result = Fit(new KMeansOptions
            {
                ClusterCount = 3, Init = KMeansInitMethod.RandomRows, InitCount = runs, Seed = 0, MaxIterations = 1,
            }, points, 5);
            Assert.True(result.Inertia <= previous, $"n_init {runs}: inertia {result.Inertia:R} > {previous:R}");
            previous = result.Inertia;
        }
    }

    /// <summary>scikit-learn's test data: 100 points around its three 5-d centres (unit std), weights 1–4, and start rows.</summary>
    private static (float[] Points, float[] Weights, float[] Start) SklearnTestData(int seed)
    {
        float[] centres = [0, 5, 0, 0, 0, 1, 1, 4, 0, 0, 1, 0, 0, 5, 1];
        var random = new Random(seed);
        var points = new float[100 * 5];
        for (int i = 0; i < 100; i++)
            for (int j = 0; j < 5; j++)
                points[i * 5 + j] = centres[(i % 3) * 5 + j] + TestData.Normal(random);
        float[] weights = [.. Enumerable.Range(0, 100).Select(_ => (float)random.Next(1, 5))];
        return (points, weights, centres);
    }
}
