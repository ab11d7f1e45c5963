using GpuKMeans.Backends;
using GpuKMeans.Init;
using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// k-means‖ (<see cref="KMeansInitMethod.KMeansParallel"/>) on a backend: its candidates against the scalar
/// reference, the quality of its fits against k-means++'s, and bit-identical results run to run.
/// </summary>
public abstract class KMeansParallelConformance<TFixture>(TFixture fixture) where TFixture : BackendFixture
{
    private KMeans Estimator(KMeansOptions options) => new(options, fixture.Require());

    [Theory]
    [InlineData(1500, 3, 8, 16.0, 5)]
    [InlineData(700, 17, 30, 3.0, 2)]
    [InlineData(300, 2, 50, 0.5, 1)]   // ℓ·rounds far below k: the top-up supplies the rest
    public void CandidatesMatchTheReference(int n, int d, int k, double oversampling, int rounds)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var (points, _) = TestData.Blobs(n, d, 6, spread: 5f, random);
        var weights = TestData.Weights(n, random);
        using var device = fixture.Require().Backend.Upload(points, d, weights).CreateWorkspace(ownsPoints: true);

        var candidates = KMeansParallelInit.SampleCandidates(
            device, weights, k, oversampling, rounds, (ulong)random.NextInt64(), TestContext.Current.CancellationToken);

        Assert.InRange(candidates.Count, k, n);
        Assert.Equal(candidates.Count, candidates.Rows.Distinct().Count());
        var centres = ScalarKMeans.ToDouble(candidates.Coordinates());
        var errors = new Mismatches($"k-means‖ candidates n={n} d={d} k={k}", seed);
        for (int c = 0; c < candidates.Count; c++)
            errors.Check(candidates.Closest[candidates.Rows[c]] == 0 && candidates.Nearest[candidates.Rows[c]] == c,
                () => $"candidate {c} (row {candidates.Rows[c]}) is not its own closest candidate");
        for (int i = 0; i < n; i++)
        {
            double want = double.PositiveInfinity, scale = ScalarKMeans.SquaredNorm(points, i, d);
            for (int c = 0; c < candidates.Count; c++)
            {
                want = Math.Min(want, ScalarKMeans.SquaredDistance(points, i, centres, c, d));
                scale = Math.Max(scale, ScalarKMeans.SquaredNorm(points, i, d) + ScalarKMeans.SquaredNorm(points, candidates.Rows[c], d));
            }
            double toNearest = ScalarKMeans.SquaredDistance(points, i, centres, candidates.Nearest[i], d);
            errors.Check(Tolerances.Close(candidates.Closest[i], want, scale, Tolerances.Distance),
                () => $"closest[{i}] {candidates.Closest[i]} vs {want}");
            errors.Check(Tolerances.Close(toNearest, want, scale, 2 * Tolerances.Distance),
                () => $"point {i}'s nearest candidate {candidates.Nearest[i]} is at {toNearest}, the closest at {want}");
        }
        double total = weights.Sum(w => (double)w);
        double weighed = candidates.Weights(weights).Sum();
        errors.Check(Tolerances.Close(weighed, total, total, Tolerances.Sum), () => $"candidate weights add to {weighed}, not {total}");
        errors.ThrowIfAny();
    }

    [Fact]
    [Trait("Category", "Slow")]   // 15–20 s on the CPU accelerator: in .ci/run, not in a plain dotnet test
    public void ConvergedInertiaIsWithinTwoPercentOfKMeansPlusPlus()
    {
        // Fixed data (a statistical claim needs no fresh seed to be meaningful, and must not flake): 16 overlapping
        // blobs, k = 16, five seeds per method, mean converged inertia compared.
        const int n = 4000, d = 6, k = 16;
        var (points, _) = TestData.Blobs(n, d, k, spread: 4f, new Random(20120101));
        double Mean(KMeansInitMethod init) => Enumerable.Range(0, 5).Average(seed =>
        {
            using var kmeans = Estimator(new KMeansOptions { ClusterCount = k, Init = init, Seed = seed });
            var result = kmeans.Fit(points, d, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(result.Converged, $"{init} seed {seed} did not converge");
            return result.Inertia;
        });

        double plusPlus = Mean(KMeansInitMethod.KMeansPlusPlus);
        double parallel = Mean(KMeansInitMethod.KMeansParallel);
        TestContext.Current.TestOutputHelper?.WriteLine($"mean inertia: k-means++ {plusPlus}, k-means‖ {parallel} ({parallel / plusPlus:F4}×)");
        Assert.True(parallel <= 1.02 * plusPlus, $"k-means‖ {parallel} vs k-means++ {plusPlus}: {parallel / plusPlus:F4}×");
    }

    [Fact]
    public void TheSameSeedGivesBitIdenticalFits()
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        const int d = 5, k = 12;
        var (points, _) = TestData.Blobs(2000, d, 9, spread: 4f, random);
        var weights = TestData.Weights(2000, random);
        var options = new KMeansOptions { ClusterCount = k, Init = KMeansInitMethod.KMeansParallel, Seed = seed, MaxIterations = 3 };

        KMeansResult Fit()
        {
            using var kmeans = Estimator(options);
            return kmeans.Fit(points, d, weights, cancellationToken: TestContext.Current.CancellationToken);
        }

        var first = Fit();
        var second = Fit();
        Assert.Equal(first.Centroids.Select(BitConverter.SingleToInt32Bits), second.Centroids.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(BitConverter.DoubleToInt64Bits(first.Inertia), BitConverter.DoubleToInt64Bits(second.Inertia));
        Assert.Equal(first.IterationStats[0].Inertia, second.IterationStats[0].Inertia);
    }

    [Fact]
    public void FewerDistinctPointsThanClustersStillFits()
    {
        // Five distinct points, each repeated: k = 8 cannot have 8 distinct centres, and must not fail.
        float[] distinct = [0, 0, 5, 0, 0, 5, 5, 5, 9, 9];
        var points = Enumerable.Range(0, 40).SelectMany(i => distinct.AsSpan((i % 5) * 2, 2).ToArray()).ToArray();
        using var kmeans = Estimator(new KMeansOptions { ClusterCount = 8, Init = KMeansInitMethod.KMeansParallel, Seed = 3 });
        var result = kmeans.Fit(points, 2, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, result.Inertia, 1e-9);
        Assert.All(result.Centroids, c => Assert.True(float.IsFinite(c)));
    }

    [Fact]
    public void KEqualsNChoosesEveryPoint()
    {
        float[] points = [0, 0, 1, 0, 0, 1, 4, 4, 7, 1];
        using var kmeans = Estimator(new KMeansOptions { ClusterCount = 5, Init = KMeansInitMethod.KMeansParallel, Seed = 1 });
        var result = kmeans.Fit(points, 2, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, result.Inertia, 1e-9);
        Assert.Equal(5, result.Labels.Distinct().Count());
    }
}

public sealed class CpuSimdKMeansParallelConformance(CpuSimdFixture fixture)
    : KMeansParallelConformance<CpuSimdFixture>(fixture), IClassFixture<CpuSimdFixture>;

public sealed class CpuAcceleratorKMeansParallelConformance(CpuAcceleratorFixture fixture)
    : KMeansParallelConformance<CpuAcceleratorFixture>(fixture), IClassFixture<CpuAcceleratorFixture>;

public sealed class CudaKMeansParallelConformance(CudaFixture fixture)
    : KMeansParallelConformance<CudaFixture>(fixture), IClassFixture<CudaFixture>;

public sealed class OpenCLKMeansParallelConformance(OpenCLFixture fixture)
    : KMeansParallelConformance<OpenCLFixture>(fixture), IClassFixture<OpenCLFixture>;
