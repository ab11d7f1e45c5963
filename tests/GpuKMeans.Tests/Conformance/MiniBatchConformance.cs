using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// Mini-batch fits (<see cref="MiniBatchKMeans"/>) on one backend: quality against full Lloyd on the same backend,
/// bit-identical reruns, final labels that belong to the returned centroids, weights, every stopping rule, random
/// reassignment and cancellation.
/// </summary>
public abstract class MiniBatchConformance<TFixture>(TFixture fixture) where TFixture : BackendFixture
{
    private const int Dimensions = 5;
    private const int Clusters = 8;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private MiniBatchKMeans Estimator(MiniBatchKMeansOptions options) => new(options, fixture.Require());

    /// <summary>Well-separated blobs (centres in [−20, 20]⁵, unit noise).</summary>
    private static float[] Blobs(int n, Random random) => TestData.Blobs(n, Dimensions, Clusters, 20f, random).Points;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InertiaOnBlobsIsWithinFivePercentOfFullLloyd(bool weighted)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        float[] points = Blobs(6000, random);
        float[]? weights = weighted ? TestData.Weights(6000, random) : null;

        using var lloyd = new KMeans(new KMeansOptions { ClusterCount = Clusters, InitCount = 3, Seed = seed }, fixture.Require());
        var full = lloyd.Fit(points, Dimensions, weights, cancellationToken: Token);
        using var miniBatch = Estimator(new MiniBatchKMeansOptions { ClusterCount = Clusters, BatchSize = 256, Seed = seed });
        var result = miniBatch.Fit(points, Dimensions, weights, cancellationToken: Token);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"mini-batch {result.Inertia:R} in {result.IterationStats.Count} steps; Lloyd {full.Inertia:R} in {full.Iterations} iterations");
        Assert.True(Math.Abs(result.Inertia - full.Inertia) <= 0.05 * full.Inertia,
            $"mini-batch inertia {result.Inertia:R} vs Lloyd {full.Inertia:R} (seed {seed})");
    }

    [Fact]
    public void TheSameSeedGivesBitIdenticalResults()
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        float[] points = Blobs(3000, random);
        float[] weights = TestData.Weights(3000, random);
        var options = new MiniBatchKMeansOptions { ClusterCount = Clusters, BatchSize = 200, Seed = seed, Tolerance = 1e-4 };

        using var model = Estimator(options);
        var first = model.Fit(points, Dimensions, weights, cancellationToken: Token);
        var second = model.Fit(points, Dimensions, weights, cancellationToken: Token);

        Assert.True(first.Centroids.AsSpan().SequenceEqual(second.Centroids.AsSpan()), $"centroids differ (seed {seed})");
        Assert.True(first.Labels.AsSpan().SequenceEqual(second.Labels.AsSpan()), $"labels differ (seed {seed})");
        Assert.Equal(BitConverter.DoubleToInt64Bits(first.Inertia), BitConverter.DoubleToInt64Bits(second.Inertia));
        Assert.Equal((first.Run, first.Iterations, first.Converged), (second.Run, second.Iterations, second.Converged));
        Assert.Equal(first.IterationStats.Select(s => (s.Inertia, s.CentroidShift, s.RelocatedClusterCount)),
            second.IterationStats.Select(s => (s.Inertia, s.CentroidShift, s.RelocatedClusterCount)));
    }

    [Fact]
    public void FinalLabelsAndInertiaAreThoseOfEveryPointUnderTheReturnedCentroids()
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        float[] points = Blobs(2500, random);
        float[] weights = TestData.Weights(2500, random);
        using var model = Estimator(new MiniBatchKMeansOptions { ClusterCount = Clusters, BatchSize = 100, Seed = seed, MaxIterations = 3 });
        var result = model.Fit(points, Dimensions, weights, cancellationToken: Token);

        var reference = ScalarKMeans.Assign(points, ScalarKMeans.ToDouble(result.Centroids.AsSpan()), Dimensions);
        for (int i = 0; i < reference.Labels.Length; i++)
            if (reference.SecondBest[i] - reference.Best[i] > Tolerances.LabelTie * Math.Max(1, reference.SecondBest[i]))
                Assert.True(reference.Labels[i] == result.Labels[i], $"row {i}: label {result.Labels[i]}, nearest {reference.Labels[i]} (seed {seed})");
        double expected = ReferenceLloyd.Inertia(reference.Best, weights);
        Assert.Equal(expected, result.Inertia, 1e-6 * expected);
        Assert.Equal(result.Labels, model.Predict(result, points));
    }

    /// <summary>Doubling every weight is exact in binary floating point: the same fit, with twice the inertia.</summary>
    [Fact]
    public void DoublingEveryWeightGivesTheSameFitWithTwiceTheInertia()
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        float[] points = Blobs(2000, random);
        float[] weights = TestData.Weights(2000, random);
        using var model = Estimator(new MiniBatchKMeansOptions { ClusterCount = Clusters, BatchSize = 128, Seed = seed });

        var once = model.Fit(points, Dimensions, weights, cancellationToken: Token);
        var twice = model.Fit(points, Dimensions, [.. weights.Select(w => 2 * w)], cancellationToken: Token);

        Assert.True(once.Centroids.AsSpan().SequenceEqual(twice.Centroids.AsSpan()), $"centroids differ (seed {seed})");
        Assert.True(once.Labels.AsSpan().SequenceEqual(twice.Labels.AsSpan()), $"labels differ (seed {seed})");
        Assert.Equal(2 * once.Inertia, twice.Inertia, 1e-12 * twice.Inertia);
    }

    [Fact]
    public void WithoutEarlyStoppingItMakesMaxIterationsPassesOfSteps()
    {
        float[] points = Blobs(1000, new Random(5));
        using var model = Estimator(new MiniBatchKMeansOptions
        {
            ClusterCount = Clusters, BatchSize = 100, MaxIterations = 2, MaxNoImprovement = null, Seed = 5,
        });
        var result = model.Fit(points, Dimensions, cancellationToken: Token);

        Assert.Equal(20, result.IterationStats.Count);   // ⌊max_iter · n / batch⌋ = 2 · 1000 / 100
        Assert.Equal(Enumerable.Range(1, 20), result.IterationStats.Select(s => s.Iteration));
        Assert.Equal(2, result.Iterations);
        Assert.False(result.Converged);
    }

    [Theory]
    [InlineData(10, 0.0)]
    [InlineData(null, 1e-3)]
    public void StopsEarlyOnSmoothedInertiaOrOnASmallShift(int? maxNoImprovement, double tolerance)
    {
        int seed = TestData.NewSeed();
        float[] points = Blobs(4000, new Random(seed));
        using var model = Estimator(new MiniBatchKMeansOptions
        {
            ClusterCount = Clusters, BatchSize = 100, MaxIterations = 50, MaxNoImprovement = maxNoImprovement, Tolerance = tolerance, Seed = seed,
        });
        var result = model.Fit(points, Dimensions, cancellationToken: Token);

        Assert.True(result.Converged, $"ran all {result.IterationStats.Count} steps (seed {seed})");
        Assert.True(result.IterationStats.Count < 50 * 4000 / 100);
        Assert.Equal((result.IterationStats.Count * 100 + 3999) / 4000, result.Iterations);
    }

    /// <summary>A centroid far from every point gets no weight; reassignment moves it onto a row, and without it the cluster stays empty.</summary>
    [Theory]
    [InlineData(0.01, true)]
    [InlineData(0.0, false)]
    public void AStrandedCentroidIsReassignedToARowOfTheBatch(double ratio, bool reassigned)
    {
        var random = new Random(11);
        float[] points = Blobs(2000, random);
        float[] start = new float[Clusters * Dimensions];
        for (int c = 0; c < Clusters; c++)
            points.AsSpan(c * Dimensions, Dimensions).CopyTo(start.AsSpan(c * Dimensions));   // rows 0..7: one per blob
        Array.Fill(start, 1000f, (Clusters - 1) * Dimensions, Dimensions);
        using var model = Estimator(new MiniBatchKMeansOptions
        {
            ClusterCount = Clusters, InitialCentroids = start, BatchSize = 100, ReassignmentRatio = ratio, Seed = 11,
        });
        var result = model.Fit(points, Dimensions, cancellationToken: Token);

        Assert.Equal(reassigned, result.IterationStats.Sum(s => s.RelocatedClusterCount) > 0);
        Assert.Equal(reassigned, result.GetClusterSizes().All(size => size > 0));
    }

    [Fact]
    public void ACancelDuringTheStepsStopsTheFitBeforeTheNextStep()
    {
        float[] points = Blobs(3000, new Random(3));
        using var source = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var steps = new List<int>();
        var progress = new Reporter(s =>
        {
            steps.Add(s.Iteration);
            if (s.Iteration == 3)
                source.Cancel();
        });
        using var model = Estimator(new MiniBatchKMeansOptions { ClusterCount = Clusters, BatchSize = 100, MaxNoImprovement = null, Seed = 3 });

        Assert.ThrowsAny<OperationCanceledException>(() => model.Fit(points, Dimensions, progress: progress, cancellationToken: source.Token));
        Assert.Equal([1, 2, 3], steps);
    }

    /// <summary>Progress that runs its action on the reporting thread (<see cref="Progress{T}"/> would post it).</summary>
    private sealed class Reporter(Action<KMeansIterationStats> action) : IProgress<KMeansIterationStats>
    {
        public void Report(KMeansIterationStats value) => action(value);
    }
}

public sealed class CpuSimdMiniBatchConformance(CpuSimdFixture fixture)
    : MiniBatchConformance<CpuSimdFixture>(fixture), IClassFixture<CpuSimdFixture>;

public sealed class CpuAcceleratorMiniBatchConformance(CpuAcceleratorFixture fixture)
    : MiniBatchConformance<CpuAcceleratorFixture>(fixture), IClassFixture<CpuAcceleratorFixture>;

public sealed class CudaMiniBatchConformance(CudaFixture fixture)
    : MiniBatchConformance<CudaFixture>(fixture), IClassFixture<CudaFixture>;

public sealed class OpenCLMiniBatchConformance(OpenCLFixture fixture)
    : MiniBatchConformance<OpenCLFixture>(fixture), IClassFixture<OpenCLFixture>;
