using System.Text.Json.Nodes;
using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Oracle;

/// <summary>
/// scikit-learn 1.2.1 (Debian's python3-sklearn, through <see cref="SklearnFixture"/>) as a live oracle: the same
/// float32 data and the same initial centroids, <c>tol = 0</c>, fitted by <c>KMeans(algorithm="lloyd")</c> and by this
/// library's <c>cpu</c> backend. Datasets are generated here with fixed seeds, so every run compares the same fits.
/// </summary>
/// <remarks>
/// Iteration counts: scikit-learn's <c>_kmeans_single_lloyd</c> returns <c>i + 1</c> for the loop index <c>i</c> at
/// which it stops (labels equal to the previous iteration's, starting from all −1, or centre shift ≤ tol), i.e. the
/// number of assign-and-update steps made, the final E-step not counted; <see cref="KMeansResult.Iterations"/>
/// counts the same steps (its loop starts from reset labels and stops on zero label changes or shift ≤ tol), so
/// the two are asserted equal, with no offset.
/// </remarks>
public sealed class SklearnOracleTests(SklearnFixture sklearn) : IClassFixture<SklearnFixture>
{
    /// <summary>Labels may differ where a point's two best squared distances differ by less than this, relative.</summary>
    private const double NearTie = 1e-5;

    /// <summary>Inertia: relative agreement asked of the two float32 implementations.</summary>
    private const double InertiaTolerance = 1e-5;

    public sealed record OracleCase(string Name, int Dimensions, int ClusterCount, float[] Points, float[]? Weights, int Seed)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<string> CaseNames => new(Cases().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Lloyd_from_the_same_initial_centroids_agrees_with_scikit_learn(string name)
    {
        var c = Cases().Single(x => x.Name == name);
        int d = c.Dimensions, k = c.ClusterCount, n = c.Points.Length / d;
        float[] start = DistinctRows(c.Points, d, k, new Random(c.Seed + 1));

        using var model = new KMeans(new KMeansOptions
        {
            ClusterCount = k, InitialCentroids = start, Tolerance = 0, MaxIterations = 300, Backend = KMeansBackend.Cpu,
        });
        var ours = model.Fit(c.Points, d, c.Weights, cancellationToken: TestContext.Current.CancellationToken);

        var theirs = sklearn.Ask(new
        {
            mode = "lloyd",
            points = Rows(c.Points, d),
            weights = c.Weights,
            init = Rows(start, d),
            max_iter = 300,
            tol = 0.0,
        });
        int[] sLabels = theirs["labels"]!.AsArray().Select(v => (int)v!).ToArray();
        float[] sCenters = theirs["centers"]!.AsArray().SelectMany(r => r!.AsArray().Select(v => (float)(double)v!)).ToArray();
        double sInertia = (double)theirs["inertia"]!;
        int sIterations = (int)theirs["n_iter"]!;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{name}: n={n} d={d} k={k}; ours: {ours.Iterations} it, inertia {ours.Inertia:R}; " +
                          $"scikit-learn {theirs["sklearn_version"]}: {sIterations} it, inertia {sInertia:R}");

        Assert.Equal(n, sLabels.Length);
        float[] centroids = [.. ours.Centroids];
        int differing = 0;
        for (int i = 0; i < n; i++)
        {
            if (ours.Labels[i] == sLabels[i])
                continue;
            differing++;
            var (best, second) = TwoBest(c.Points.AsSpan(i * d, d), centroids, d);
            Assert.True(second - best <= NearTie * Math.Max(second, 1e-30),
                $"{name}: row {i} labelled {ours.Labels[i]} here and {sLabels[i]} by scikit-learn, " +
                $"not a near-tie (best {best:R}, second {second:R})");
        }
        output?.WriteLine($"{name}: {differing} labels differ (near-ties)");

        Assert.Equal(sIterations, ours.Iterations);
        Assert.True(RelativeDifference(ours.Inertia, sInertia) <= InertiaTolerance,
            $"{name}: inertia {ours.Inertia:R} here, {sInertia:R} by scikit-learn");

        double scale = 1e-6;
        foreach (float v in c.Points)
            scale = Math.Max(scale, Math.Abs(v));
        double worst = 0;
        for (int j = 0; j < centroids.Length; j++)
            worst = Math.Max(worst, Math.Abs(centroids[j] - sCenters[j]));
        output?.WriteLine($"{name}: largest centroid difference {worst:G3} (data scale {scale:G3})");
        Assert.True(worst <= 1e-4 * scale, $"{name}: centroids differ by {worst:R} (data scale {scale:R})");
    }

    /// <summary>
    /// k-means++ seeding quality: the inertia after one Lloyd iteration from k-means++ seeding, over seeds 0..29,
    /// here and in scikit-learn (the same greedy variant, 2 + ⌊ln k⌋ trials per centre); the medians agree within 3%.
    /// The random streams differ, so only the distributions are compared.
    /// </summary>
    [Fact]
    public void KMeansPlusPlus_seeding_quality_matches_scikit_learn()
    {
        const int d = 2, k = 10, n = 3000, seeds = 30;
        var random = new Random(20260);
        var (points, _) = TestData.Blobs(n, d, k, 6f, random);

        var ours = new double[seeds];
        for (int s = 0; s < seeds; s++)
        {
            using var model = new KMeans(new KMeansOptions
            {
                ClusterCount = k, Init = KMeansInitMethod.KMeansPlusPlus, Seed = s, MaxIterations = 1, Backend = KMeansBackend.Cpu,
            });
            ours[s] = model.Fit(points, d, cancellationToken: TestContext.Current.CancellationToken).Inertia;
        }
        var theirs = sklearn.Ask(new { mode = "kmeanspp", points = Rows(points, d), weights = (float[]?)null, k, seeds = Enumerable.Range(0, seeds) })
            ["inertia"]!.AsArray().Select(v => (double)v!).ToArray();

        double ourMedian = Median(ours), theirMedian = Median(theirs);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"median inertia after one iteration: ours {ourMedian:R}, scikit-learn {theirMedian:R} " +
            $"(ours {ours.Min():G6}..{ours.Max():G6}, theirs {theirs.Min():G6}..{theirs.Max():G6})");
        Assert.True(RelativeDifference(ourMedian, theirMedian) <= 0.03,
            $"k-means++ median inertia {ourMedian:R} here vs {theirMedian:R} by scikit-learn");
    }

    /// <summary>The datasets, each with its own fixed seed (n of a few thousand at most).</summary>
    public static IEnumerable<OracleCase> Cases()
    {
        {
            var r = new Random(101);
            yield return new OracleCase("blobs", 4, 5, TestData.Blobs(3000, 4, 5, 8f, r).Points, null, 101);
        }
        {
            // scikit-learn's "anisotropically distributed blobs": blobs times [[0.6, −0.64], [−0.41, 0.85]].
            var r = new Random(102);
            float[] p = TestData.Blobs(3000, 2, 3, 6f, r).Points;
            for (int i = 0; i < p.Length; i += 2)
                (p[i], p[i + 1]) = (0.6f * p[i] - 0.41f * p[i + 1], -0.64f * p[i] + 0.85f * p[i + 1]);
            yield return new OracleCase("anisotropic", 2, 3, p, null, 102);
        }
        {
            // Unequal variances: standard deviations 1, 2.5 and 0.5 around three centres.
            var r = new Random(103);
            float[] centres = [-5, 2, 4, 4, 1, -4], std = [1f, 2.5f, 0.5f];
            var p = new float[2500 * 2];
            for (int i = 0; i < 2500; i++)
                for (int j = 0; j < 2; j++)
                    p[i * 2 + j] = centres[(i % 3) * 2 + j] + std[i % 3] * TestData.Normal(r);
            yield return new OracleCase("unequal-variance", 2, 3, p, null, 103);
        }
        {
            var r = new Random(104);
            var p = new float[2000 * 3];
            for (int i = 0; i < p.Length; i++)
                p[i] = (float)r.NextDouble();
            yield return new OracleCase("uniform", 3, 6, p, null, 104);
        }
        {
            var r = new Random(105);
            float[] p = TestData.Blobs(2500, 3, 4, 5f, r).Points;
            yield return new OracleCase("weighted", 3, 4, p, TestData.Weights(2500, r), 105);
        }
        {
            var r = new Random(106);
            float[] p = TestData.Blobs(2000, 1, 4, 10f, r).Points;
            yield return new OracleCase("d=1", 1, 4, p, null, 106);
        }
        {
            var r = new Random(107);
            yield return new OracleCase("k=1", 3, 1, TestData.Blobs(2000, 3, 3, 5f, r).Points, null, 107);
        }
        {
            // 300 distinct rows, each repeated 1–10 times, shuffled.
            var r = new Random(108);
            float[] distinct = TestData.Blobs(300, 2, 4, 5f, r).Points;
            var rows = new List<int>();
            for (int i = 0; i < 300; i++)
                rows.AddRange(Enumerable.Repeat(i, 1 + r.Next(10)));
            int[] order = [.. rows];
            r.Shuffle(order);
            var p = new float[order.Length * 2];
            for (int i = 0; i < order.Length; i++)
                (p[2 * i], p[2 * i + 1]) = (distinct[2 * order[i]], distinct[2 * order[i] + 1]);
            yield return new OracleCase("duplicates", 2, 5, p, null, 108);
        }
    }

    /// <summary>k rows with pairwise different values, drawn at random: the shared initial centroids.</summary>
    private static float[] DistinctRows(float[] points, int d, int k, Random random)
    {
        int n = points.Length / d;
        var chosen = new List<float[]>();
        while (chosen.Count < k)
        {
            float[] row = points.AsSpan(random.Next(n) * d, d).ToArray();
            if (!chosen.Any(c => c.AsSpan().SequenceEqual(row)))
                chosen.Add(row);
        }
        return [.. chosen.SelectMany(x => x)];
    }

    private static float[][] Rows(float[] values, int d) =>
        Enumerable.Range(0, values.Length / d).Select(i => values.AsSpan(i * d, d).ToArray()).ToArray();

    /// <summary>The two smallest squared distances (double) from a row to the centroids.</summary>
    private static (double Best, double Second) TwoBest(ReadOnlySpan<float> row, float[] centroids, int d)
    {
        double best = double.PositiveInfinity, second = double.PositiveInfinity;
        for (int c = 0; c < centroids.Length / d; c++)
        {
            double sum = 0;
            for (int j = 0; j < d; j++)
            {
                double diff = (double)row[j] - centroids[c * d + j];
                sum += diff * diff;
            }
            if (sum < best)
                (best, second) = (sum, best);
            else if (sum < second)
                second = sum;
        }
        return (best, second);
    }

    private static double RelativeDifference(double a, double b) => Math.Abs(a - b) / Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), 1e-300);

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }
}
