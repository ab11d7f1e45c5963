using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// Elkan and Yinyang against the unpruned Lloyd step on the CPU backend: the same labels at every iteration
/// (except at near-ties of the tolerance table), the same iteration count, centroids and inertia; reproducible
/// to the bit; and actually skipping distances where the data allows it.
/// </summary>
public sealed class PruningConformance
{
    public static TheoryData<string, KMeansAlgorithm> Cases()
    {
        var cases = new TheoryData<string, KMeansAlgorithm>();
        foreach (string data in new[] { "blobs", "uniform", "duplicates", "grid ties", "tight far" })
            foreach (var algorithm in new[] { KMeansAlgorithm.Elkan, KMeansAlgorithm.Yinyang })
                cases.Add(data, algorithm);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryIterationHasLloydsLabels(string data, KMeansAlgorithm algorithm)
    {
        int seed = TestData.NewSeed();
        var (points, d) = PruningData.Make(data, new Random(seed));
        int k = data == "blobs" ? 48 : 40;
        var options = Options(k, seed) with { Init = data == "grid ties" ? KMeansInitMethod.RandomRows : KMeansInitMethod.KMeansPlusPlus };
        var lloyd = Fit(options with { Algorithm = KMeansAlgorithm.Lloyd }, points, d);
        var pruned = Fit(options with { Algorithm = algorithm }, points, d);

        string what = $"{algorithm} on {data} (seed {seed})";
        PruningAssert.SameFit(lloyd, pruned, points, d, what);
        Assert.All(lloyd.IterationStats, s => Assert.Equal(0, s.SkippedDistanceCount));
        Assert.All(pruned.IterationStats, s => Assert.InRange(s.SkippedDistanceCount, 0, (long)(points.Length / d) * k));
        if (data == "blobs")
            Assert.True(pruned.IterationStats.Sum(s => s.SkippedDistanceCount) > 0, $"{what}: nothing skipped");
    }

    [Theory]
    [InlineData(KMeansAlgorithm.Elkan)]
    [InlineData(KMeansAlgorithm.Yinyang)]
    public void WeightsRelocationAndRestartsMatchLloyd(KMeansAlgorithm algorithm)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        const int d = 6, k = 36;
        var points = TestData.Blobs(3000, d, 30, 10f, random).Points;
        var weights = TestData.Weights(3000, random);
        // Random rows, three runs: each run restarts the bounds (ResetLabels).
        var options = Options(k, seed) with { Init = KMeansInitMethod.RandomRows, InitCount = 3 };
        var lloydStats = new List<KMeansIterationStats>();
        var prunedStats = new List<KMeansIterationStats>();
        var lloyd = Fit(options with { Algorithm = KMeansAlgorithm.Lloyd }, points, d, weights, lloydStats);
        var pruned = Fit(options with { Algorithm = algorithm }, points, d, weights, prunedStats);
        PruningAssert.SameFit(lloyd, pruned, points, d, $"{algorithm}, weighted, 3 runs (seed {seed})");
        Assert.Equal(lloydStats.Select(s => (s.Run, s.Iteration)), prunedStats.Select(s => (s.Run, s.Iteration)));

        // Six centroids far from every point: their clusters are empty and get relocated, moving far.
        var start = new float[k * d];
        points.AsSpan(0, (k - 6) * d).CopyTo(start);
        for (int i = (k - 6) * d; i < start.Length; i++)
            start[i] = 500f + i;
        var explicitOptions = Options(k, seed) with { InitialCentroids = start };
        lloyd = Fit(explicitOptions with { Algorithm = KMeansAlgorithm.Lloyd }, points, d, weights);
        pruned = Fit(explicitOptions with { Algorithm = algorithm }, points, d, weights);
        Assert.True(lloyd.IterationStats[0].RelocatedClusterCount > 0, "the far centroids should be relocated");
        PruningAssert.SameFit(lloyd, pruned, points, d, $"{algorithm}, relocation (seed {seed})");
    }

    [Theory]
    [InlineData(KMeansAlgorithm.Elkan)]
    [InlineData(KMeansAlgorithm.Yinyang)]
    [InlineData(KMeansAlgorithm.Auto)]
    public void RunToRunBitIdentical(KMeansAlgorithm algorithm)
    {
        int seed = TestData.NewSeed();
        var points = TestData.Blobs(5000, 12, 40, 15f, new Random(seed)).Points;
        var options = Options(40, seed) with { Algorithm = algorithm };
        var first = Fit(options, points, 12);
        var second = Fit(options, points, 12);
        Assert.Equal(first.Labels.ToArray(), second.Labels.ToArray());
        Assert.Equal(first.Centroids.ToArray(), second.Centroids.ToArray());
        Assert.Equal(first.Inertia, second.Inertia);
        Assert.Equal(first.IterationStats.Select(s => (s.Inertia, s.SkippedDistanceCount)),
                     second.IterationStats.Select(s => (s.Inertia, s.SkippedDistanceCount)));
        long skipped = first.IterationStats.Sum(s => s.SkippedDistanceCount);
        if (algorithm == KMeansAlgorithm.Auto)
            Assert.Equal(0, skipped);   // Auto is Lloyd (KMeansAlgorithm.Auto)
        else
            Assert.True(skipped > 0, $"{algorithm}: nothing skipped");
    }

    [Theory]
    [InlineData(KMeansAlgorithm.Elkan, 1, 3)]
    [InlineData(KMeansAlgorithm.Yinyang, 1, 3)]
    [InlineData(KMeansAlgorithm.Elkan, 37, 1)]
    [InlineData(KMeansAlgorithm.Yinyang, 37, 1)]
    [InlineData(KMeansAlgorithm.Elkan, 300, 33)]
    [InlineData(KMeansAlgorithm.Yinyang, 300, 33)]
    public void OddShapesMatchLloyd(KMeansAlgorithm algorithm, int k, int d)
    {
        int seed = TestData.NewSeed();
        int n = k == 300 ? 300 : 1001;   // k = n included
        var points = TestData.Gaussian(n * d, new Random(seed));
        var options = Options(k, seed);
        var lloyd = Fit(options with { Algorithm = KMeansAlgorithm.Lloyd }, points, d);
        var pruned = Fit(options with { Algorithm = algorithm }, points, d);
        PruningAssert.SameFit(lloyd, pruned, points, d, $"{algorithm}, n {n}, k {k}, d {d} (seed {seed})");
    }

    [Fact]
    public void GpuBackendsRunLloydWhateverTheAlgorithm()
    {
        int seed = TestData.NewSeed();
        var points = TestData.Blobs(120, 3, 4, 8f, new Random(seed)).Points;
        var options = Options(4, seed) with { Backend = KMeansBackend.IlgpuCpu };
        var lloyd = Fit(options with { Algorithm = KMeansAlgorithm.Lloyd }, points, 3);
        var yinyang = Fit(options with { Algorithm = KMeansAlgorithm.Yinyang }, points, 3);
        Assert.Equal(lloyd.Labels.ToArray(), yinyang.Labels.ToArray());
        Assert.Equal(lloyd.Centroids.ToArray(), yinyang.Centroids.ToArray());
        Assert.All(yinyang.IterationStats, s => Assert.Equal(0, s.SkippedDistanceCount));
    }

    private static KMeansOptions Options(int k, int seed) => new()
    {
        ClusterCount = k, Seed = seed, Backend = KMeansBackend.Cpu, RecordHistory = true, Tolerance = 0, MaxIterations = 60,
    };

    private static KMeansResult Fit(
        KMeansOptions options, float[] points, int d, float[]? weights = null, List<KMeansIterationStats>? stats = null)
    {
        using var kmeans = new KMeans(options);
        var progress = stats is null ? null : new Collect(stats);
        return kmeans.Fit(points, d, weights, progress, TestContext.Current.CancellationToken);
    }

    /// <summary>Synchronous progress (Progress{T} would post to the thread pool and reorder).</summary>
    private sealed class Collect(List<KMeansIterationStats> stats) : IProgress<KMeansIterationStats>
    {
        public void Report(KMeansIterationStats value) => stats.Add(value);
    }
}
