using System.Diagnostics;
using GpuKMeans;
using Xunit;

namespace GpuKMeans.Tests.Api;

/// <summary>
/// Cancellation and progress during k-means++ seeding (issue 10, finding 3): the token is checked before every
/// centre, and a progress object that also implements <see cref="IProgress{T}"/> of
/// <see cref="KMeansSeedingProgress"/> hears of every centre chosen.
/// </summary>
public sealed class SeedingCancellationTests
{
    private const int Rows = 200_000;
    private const int Dimensions = 16;
    private const int Clusters = 256;

    private static float[] Data()
    {
        var rng = new Random(3);
        var data = new float[Rows * Dimensions];
        for (int i = 0; i < data.Length; i++)
            data[i] = (float)rng.NextDouble();
        return data;
    }

    /// <summary>Records seeding progress and when the last centre was chosen.</summary>
    private sealed class Recorder : IProgress<KMeansIterationStats>, IProgress<KMeansSeedingProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public List<KMeansSeedingProgress> Seeding { get; } = [];

        public TimeSpan? SeedingDone { get; private set; }

        public void Report(KMeansIterationStats value)
        {
        }

        public void Report(KMeansSeedingProgress value)
        {
            lock (Seeding)
                Seeding.Add(value);
            if (value.CentresChosen == value.ClusterCount)
                SeedingDone ??= _clock.Elapsed;
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void SeedingReportsEveryCentreAndACancelDuringItStopsTheFitEarly()
    {
        float[] data = Data();
        var options = new KMeansOptions { ClusterCount = Clusters, Seed = 1, MaxIterations = 1, Backend = KMeansBackend.Cpu };
        using var kmeans = new KMeans(options);

        var full = new Recorder();
        kmeans.Fit(data, Dimensions, progress: full, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(full.SeedingDone);
        Assert.Equal(Enumerable.Range(1, Clusters), full.Seeding.Select(p => p.CentresChosen));
        Assert.All(full.Seeding, p => Assert.Equal((0, Clusters), (p.Run, p.ClusterCount)));
        var seedingTime = full.SeedingDone!.Value;

        var cancelled = new Recorder();
        using var source = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        source.CancelAfter(TimeSpan.FromMilliseconds(100));
        Assert.ThrowsAny<OperationCanceledException>(() => kmeans.Fit(data, Dimensions, progress: cancelled, cancellationToken: source.Token));
        var stopped = clock.Elapsed;

        Assert.True(cancelled.Seeding.Count < Clusters, $"seeding finished ({cancelled.Seeding.Count} centres) before the cancel was seen");
        Assert.True(
            stopped < TimeSpan.FromMilliseconds(100) + seedingTime / 2,
            $"the cancelled fit took {stopped.TotalMilliseconds:F0} ms; an uncancelled seeding took {seedingTime.TotalMilliseconds:F0} ms");
    }
}
