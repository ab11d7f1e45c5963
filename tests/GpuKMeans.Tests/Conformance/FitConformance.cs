using Xunit;
using GpuKMeans.Tests.Reference;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// Whole fits of a backend: against the reference Lloyd from the same initial centroids, scikit-learn's
/// hand-computed cases, and properties any correct k-means has.
/// </summary>
public abstract class FitConformance<TFixture>(TFixture fixture) where TFixture : BackendFixture
{
    private KMeans Estimator(KMeansOptions options) => new(options, fixture.Require());

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 5)]
    [InlineData(7, 20)]
    [InlineData(33, 5)]
    [InlineData(130, 3)]
    public void MatchesReferenceLloydFromTheSameCentroids(int d, int k)
    {
        const int n = 1000;
        // Fresh blobs until the reference meets no near-tie: on ambiguous data two correct
        // implementations may legitimately walk different paths, which says nothing about either.
        for (int attempt = 0; ; attempt++)
        {
            int seed = TestData.NewSeed();
            var random = new Random(seed);
            var (points, _) = TestData.Blobs(n, d, Math.Max(k, 2), spread: 6f, random);
            var initial = Enumerable.Range(0, k).Select(_ => random.Next(n)).Distinct().ToArray();
            if (initial.Length < k)
                continue;
            var start = initial.SelectMany(r => points.AsSpan(r * d, d).ToArray()).ToArray();
            var expected = ReferenceLloyd.Run(points, null, start, d, maxIterations: 100, absoluteTolerance: 0);
            if (expected.MinTieGap <= Tolerances.LabelTie)
            {
                Assert.True(attempt < 50, "could not draw unambiguous data in 50 attempts");
                continue;
            }

            using var kmeans = Estimator(new KMeansOptions { ClusterCount = k, InitialCentroids = start, Tolerance = 0, MaxIterations = 100 });
            var result = kmeans.Fit(points, d, cancellationToken: TestContext.Current.CancellationToken);

            Assert.True(expected.Labels.AsSpan().SequenceEqual(result.Labels.AsSpan()), $"labels differ (seed {seed})");
            Assert.Equal(expected.Iterations, result.Iterations);
            var errors = new Mismatches($"centroids d={d} k={k}", seed);
            for (int i = 0; i < expected.Centroids.Length; i++)
                errors.Check(Tolerances.Close(result.Centroids[i], expected.Centroids[i], Math.Max(1, Math.Abs(expected.Centroids[i])), Tolerances.Centroid),
                    () => $"centroid value {i}: {result.Centroids[i]} vs {expected.Centroids[i]}");
            errors.Check(Tolerances.Close(result.Inertia, expected.Inertia, expected.Inertia, Tolerances.Centroid),
                () => $"inertia {result.Inertia} vs {expected.Inertia}");
            for (int it = 0; it < expected.InertiaPerIteration.Length; it++)
                errors.Check(Tolerances.Close(result.IterationStats[it].Inertia, expected.InertiaPerIteration[it], expected.InertiaPerIteration[it], Tolerances.Centroid),
                    () => $"iteration {it + 1} inertia {result.IterationStats[it].Inertia} vs {expected.InertiaPerIteration[it]}");
            errors.ThrowIfAny();
            return;
        }
    }

    [Fact]
    public void StopsAtMaxIterationsAndReassignsWithTheReturnedCentroids()
    {
        int seed = TestData.NewSeed();
        var (points, _) = TestData.Blobs(1200, 3, 8, spread: 2f, new Random(seed));
        using var kmeans = Estimator(new KMeansOptions { ClusterCount = 8, MaxIterations = 2, Tolerance = 0, Seed = seed });
        var result = kmeans.Fit(points, 3, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Iterations);
        Assert.False(result.Converged);
        var reassigned = ScalarKMeans.Assign(points, ScalarKMeans.ToDouble(result.Centroids.AsSpan()), 3);
        Assert.Equal(reassigned.Labels, result.Labels.ToArray());
        Assert.Equal(ReferenceLloyd.Inertia(reassigned.Best, default), result.Inertia, 1e-4 * result.Inertia);
    }

    /// <summary>scikit-learn's test_kmeans_results: weights 3, 1, 1, 3 and known centres.</summary>
    [Fact]
    public void ScikitLearnWeightedToyCase()
    {
        float[] points = [0, 0, 0.5f, 0, 0.5f, 1, 1, 1];
        float[] weights = [3, 1, 1, 3];
        using var kmeans = Estimator(new KMeansOptions { ClusterCount = 2, InitialCentroids = [0, 0, 1, 1] });
        var result = kmeans.Fit(points, 2, weights, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 0, 1, 1], result.Labels.ToArray());
        Assert.Equal(0.375, result.Inertia, 1e-6);
        Assert.Equal(new float[] { 0.125f, 0, 0.875f, 1 }, result.Centroids.ToArray());
        Assert.Equal(2, result.Iterations);
        Assert.True(result.Converged);
    }

    [Fact]
    public void SeedNotebookBlobsGiveThreeClustersOfAboutTwoHundredFifty()
    {
        var points = TestData.SeedNotebookBlobs(new Random(TestData.NewSeed()));
        using var kmeans = Estimator(new KMeansOptions { ClusterCount = 3, Seed = 0 });
        var sizes = kmeans.Fit(points, 2, cancellationToken: TestContext.Current.CancellationToken).GetClusterSizes();
        Assert.All(sizes, size => Assert.InRange(size, 225, 275));
        Assert.Equal(750, sizes.Sum());
    }

    [Theory]
    [InlineData(KMeansInitMethod.KMeansPlusPlus)]
    [InlineData(KMeansInitMethod.RandomRows)]
    public void InertiaNeverIncreasesOverIterations(KMeansInitMethod init)
    {
        var (points, _) = TestData.Blobs(3000, 5, 12, spread: 3f, new Random(TestData.NewSeed()));
        using var kmeans = Estimator(new KMeansOptions { ClusterCount = 12, Init = init, InitCount = 2, Tolerance = 0, Seed = 3 });
        var result = kmeans.Fit(points, 5, cancellationToken: TestContext.Current.CancellationToken);
        var inertias = result.IterationStats.Select(s => s.Inertia).Append(result.Inertia).ToArray();
        for (int i = 1; i < inertias.Length; i++)
            Assert.True(inertias[i] <= inertias[i - 1] * (1 + 1e-6), $"inertia rose at iteration {i + 1}: {inertias[i - 1]} → {inertias[i]}");
    }

    [Fact]
    public void MoreClustersNeverRaiseInertia()
    {
        var (points, _) = TestData.Blobs(2000, 4, 6, spread: 3f, new Random(TestData.NewSeed()));
        using var first = Estimator(new KMeansOptions { ClusterCount = 1, Seed = 1 });
        var previous = first.Fit(points, 4, cancellationToken: TestContext.Current.CancellationToken);
        for (int k = 2; k <= 8; k++)
        {
            // k clusters started from the k − 1 optimum plus its farthest point can only do better.
            var distances = ScalarKMeans.Assign(points, ScalarKMeans.ToDouble(previous.Centroids.AsSpan()), 4).Best;
            int farthest = Array.IndexOf(distances, distances.Max());
            var start = previous.Centroids.Concat(points.AsSpan(farthest * 4, 4).ToArray()).ToArray();
            using var kmeans = Estimator(new KMeansOptions { ClusterCount = k, InitialCentroids = start });
            var result = kmeans.Fit(points, 4, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(result.Inertia <= previous.Inertia, $"k={k}: {result.Inertia} > {previous.Inertia} at k={k - 1}");
            previous = result;
        }
    }

    [Theory]
    [InlineData(KMeansInitMethod.KMeansPlusPlus)]
    [InlineData(KMeansInitMethod.RandomRows, Traits = ["Category", "Slow"])] // ten runs: minutes on ILGPU's CPU accelerator
    public void SameSeedGivesBitIdenticalResults(KMeansInitMethod init)
    {
        var weights = TestData.Weights(4000, new Random(5));
        var (points, _) = TestData.Blobs(4000, 9, 10, spread: 2f, new Random(TestData.NewSeed()));
        var options = new KMeansOptions { ClusterCount = 10, Init = init, Seed = 42 };
        using var a = Estimator(options);
        using var b = Estimator(options);
        var one = a.Fit(points, 9, weights, cancellationToken: TestContext.Current.CancellationToken);
        var two = b.Fit(points, 9, weights, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(one.Centroids.AsSpan().SequenceEqual(two.Centroids.AsSpan()), "centroids differ");
        Assert.True(one.Labels.AsSpan().SequenceEqual(two.Labels.AsSpan()), "labels differ");
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Inertia), BitConverter.DoubleToInt64Bits(two.Inertia));
        Assert.Equal(one.IterationStats.Select(s => s.Inertia), two.IterationStats.Select(s => s.Inertia));
    }

    [Fact]
    public void ClusterCountEqualToPointCountGivesZeroInertia()
    {
        var points = TestData.Gaussian(40 * 3, new Random(TestData.NewSeed()));
        using var kmeans = Estimator(new KMeansOptions { ClusterCount = 40, Seed = 0 });
        var result = kmeans.Fit(points, 3, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, result.Inertia);
        Assert.Equal(40, result.Labels.Distinct().Count());
    }

    /// <summary>Documented behaviour: with fewer distinct points than clusters, some centroids coincide and inertia is 0.</summary>
    [Theory]
    [InlineData(KMeansInitMethod.KMeansPlusPlus)]
    [InlineData(KMeansInitMethod.RandomRows)]
    public void FewerDistinctPointsThanClustersDoesNotFail(KMeansInitMethod init)
    {
        float[] distinct = [0, 0, 1, 0, 0, 1, 5, 5, -3, 2];
        var points = Enumerable.Repeat(distinct, 10).SelectMany(p => p).ToArray();
        using var kmeans = Estimator(new KMeansOptions { ClusterCount = 10, Init = init, Seed = 7 });
        var result = kmeans.Fit(points, 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, result.Inertia);
        Assert.All(result.Labels, label => Assert.InRange(label, 0, 9));
        for (int c = 0; c < 10; c++)
        {
            var centroid = result.GetCentroid(c).ToArray();
            Assert.Contains(Enumerable.Range(0, 5), p => distinct[p * 2] == centroid[0] && distinct[p * 2 + 1] == centroid[1]);
        }
    }

    [Fact]
    public void UploadedDatasetFitsExactlyAsTheSpanOverload()
    {
        var (points, _) = TestData.Blobs(1500, 6, 5, spread: 3f, new Random(TestData.NewSeed()));
        var weights = TestData.Weights(1500, new Random(9));
        var device = fixture.Require();
        using var data = device.Upload(points, 6, weights);
        for (int k = 1; k <= 4; k++)
        {
            using var kmeans = Estimator(new KMeansOptions { ClusterCount = k, Seed = k });
            var resident = kmeans.Fit(data, cancellationToken: TestContext.Current.CancellationToken);
            var copied = kmeans.Fit(points, 6, weights, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(resident.Centroids.AsSpan().SequenceEqual(copied.Centroids.AsSpan()), $"k={k}: centroids differ");
            Assert.Equal(BitConverter.DoubleToInt64Bits(copied.Inertia), BitConverter.DoubleToInt64Bits(resident.Inertia));
        }
    }

    [Fact]
    public void IntegerWeightsEqualRepeatedPoints()
    {
        var random = new Random(TestData.NewSeed());
        var (points, _) = TestData.Blobs(300, 3, 4, spread: 4f, random);
        var weights = Enumerable.Range(0, 300).Select(_ => (float)random.Next(1, 4)).ToArray();
        var repeated = Enumerable.Range(0, 300).SelectMany(i => Enumerable.Repeat(points.AsSpan(i * 3, 3).ToArray(), (int)weights[i]).SelectMany(r => r)).ToArray();
        var start = points.AsSpan(0, 12).ToArray();
        var options = new KMeansOptions { ClusterCount = 4, InitialCentroids = start, Tolerance = 0 };
        using var kmeans = Estimator(options);
        var weighted = kmeans.Fit(points, 3, weights, cancellationToken: TestContext.Current.CancellationToken);
        var plain = kmeans.Fit(repeated, 3, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(plain.Inertia, weighted.Inertia, 1e-5 * plain.Inertia);
        for (int i = 0; i < start.Length; i++)
            Assert.Equal(plain.Centroids[i], weighted.Centroids[i], 1e-4f);
    }
}

public sealed class CpuAcceleratorFitConformance(CpuAcceleratorFixture fixture)
    : FitConformance<CpuAcceleratorFixture>(fixture), IClassFixture<CpuAcceleratorFixture>;

public sealed class CudaFitConformance(CudaFixture fixture)
    : FitConformance<CudaFixture>(fixture), IClassFixture<CudaFixture>;

public sealed class OpenCLFitConformance(OpenCLFixture fixture)
    : FitConformance<OpenCLFixture>(fixture), IClassFixture<OpenCLFixture>;
