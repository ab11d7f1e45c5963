using GpuKMeans;
using GpuKMeans.Init;
using Xunit;

namespace GpuKMeans.Tests.Api;

/// <summary>k-means‖ at the public boundary: its options' defaults and validation, progress and cancellation.</summary>
public sealed class KMeansParallelApiTests(CpuDeviceFixture fixture) : IClassFixture<CpuDeviceFixture>
{
    private static float[] Uniform(int rows, int d, int seed)
    {
        var rng = new Random(seed);
        var data = new float[rows * d];
        for (int i = 0; i < data.Length; i++)
            data[i] = (float)rng.NextDouble();
        return data;
    }

    [Fact]
    public void DefaultsAreTwoKCandidatesPerRoundAndFiveRounds()
    {
        var options = new KMeansOptions { ClusterCount = 30 };
        Assert.Null(options.ParallelInitOversampling);
        Assert.Equal(5, options.ParallelInitRounds);
        Assert.Equal(60, options.EffectiveParallelInitOversampling);
        Assert.Equal(2.5, (options with { ParallelInitOversampling = 2.5 }).EffectiveParallelInitOversampling);
        Assert.Equal(1, (options with { Init = KMeansInitMethod.KMeansParallel }).EffectiveInitCount);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void OversamplingMustBeFiniteAndPositive(double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new KMeans(ApiData.Options() with { ParallelInitOversampling = value }, fixture.Device));
        Assert.Equal("ParallelInitOversampling", ex.ParamName);
        Assert.Contains("finite and positive", ex.Message);
        Assert.Contains($"got {value}", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RoundsMustBeAtLeastOne(int value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new KMeans(ApiData.Options() with { ParallelInitRounds = value }, fixture.Device));
        Assert.Equal("ParallelInitRounds", ex.ParamName);
        Assert.Contains($"got {value}", ex.Message);
    }

    /// <summary>Counts seeding reports and cancels its token at the first one.</summary>
    private sealed class CancelAtFirstCentre(CancellationTokenSource source)
        : IProgress<KMeansIterationStats>, IProgress<KMeansSeedingProgress>
    {
        public List<KMeansSeedingProgress> Seeding { get; } = [];

        public void Report(KMeansIterationStats value) => throw new InvalidOperationException("the fit went on past its cancel");

        public void Report(KMeansSeedingProgress value)
        {
            Seeding.Add(value);
            source.Cancel();
        }
    }

    [Fact]
    public void ProgressHearsEveryCentreAndACancelStopsTheSeeding()
    {
        const int d = 4, k = 20;
        var data = Uniform(3000, d, 5);
        using var kmeans = new KMeans(new KMeansOptions { ClusterCount = k, Init = KMeansInitMethod.KMeansParallel, Seed = 2, MaxIterations = 2 }, fixture.Device);

        var all = new List<KMeansSeedingProgress>();
        var recorder = new Recorder(all);
        kmeans.Fit(data, d, progress: recorder, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(1, k), all.Select(p => p.CentresChosen));
        Assert.All(all, p => Assert.Equal((0, k), (p.Run, p.ClusterCount)));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.Elapsed <= pair.Second.Elapsed), "elapsed times go back");

        using var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var cancelling = new CancelAtFirstCentre(source);
        Assert.ThrowsAny<OperationCanceledException>(() => kmeans.Fit(data, d, progress: cancelling, cancellationToken: source.Token));
        Assert.Single(cancelling.Seeding);
    }

    private sealed class Recorder(List<KMeansSeedingProgress> seeding) : IProgress<KMeansIterationStats>, IProgress<KMeansSeedingProgress>
    {
        public void Report(KMeansIterationStats value)
        {
        }

        public void Report(KMeansSeedingProgress value) => seeding.Add(value);
    }

    [Theory]
    [InlineData(0)]   // after the first candidate's pass: no round starts
    [InlineData(2)]   // after the second round
    public void ACancelBetweenRoundsStartsNoFurtherPass(int cancelAfterPass)
    {
        const int d = 3;
        var data = Uniform(2000, d, 9);
        using var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var workspace = fixture.Device.Backend.Upload(data, d, []).CreateWorkspace(ownsPoints: true);
        var passes = new List<int>();

        Assert.ThrowsAny<OperationCanceledException>(() => KMeansParallelInit.SampleCandidates(
            workspace, [], clusterCount: 10, oversampling: 20, rounds: 5, seed: 1, source.Token, pass =>
            {
                passes.Add(pass);
                if (pass == cancelAfterPass)
                    source.Cancel();
            }));
        Assert.Equal(Enumerable.Range(0, cancelAfterPass + 1), passes);
    }
}
