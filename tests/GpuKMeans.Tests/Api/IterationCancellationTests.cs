using System.Diagnostics;
using GpuKMeans.Backends.Cpu;
using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Api;

/// <summary>
/// A cancel is seen inside a Lloyd step, not only between iterations: on the CPU backend the step stops at the
/// next of its (at most 64) blocks, so even an iteration that takes seconds is abandoned within a fraction of it.
/// </summary>
public sealed class IterationCancellationTests
{
    [Fact]
    public void ACancelDuringOneLongStepStopsItEarly()
    {
        int seed = TestData.NewSeed();
        const int n = 100_000, d = 64, k = 512;
        var random = new Random(seed);
        var points = TestData.Gaussian(n * d, random);
        var centroids = TestData.Gaussian(k * d, random);
        using var workspace = new CpuBackend().Upload(points, d, default).CreateWorkspace(ownsPoints: true);
        workspace.SetCentroids(centroids, k);

        var clock = Stopwatch.StartNew();
        workspace.AssignAndReduce(TestContext.Current.CancellationToken);
        var full = clock.Elapsed;

        // A dedicated thread cancels (a timer callback could wait behind the busy thread pool); what is measured is
        // the time from the cancel to the step's return.
        using var source = new CancellationTokenSource();
        long cancelledAt = 0;
        var canceller = new Thread(() =>
        {
            Thread.Sleep(full / 10);
            Interlocked.Exchange(ref cancelledAt, Stopwatch.GetTimestamp());
            source.Cancel();
        });
        canceller.Start();
        Assert.ThrowsAny<OperationCanceledException>(() => workspace.AssignAndReduce(source.Token));
        long returnedAt = Stopwatch.GetTimestamp();
        canceller.Join();
        var afterCancel = Stopwatch.GetElapsedTime(Interlocked.Read(ref cancelledAt), returnedAt);
        Assert.True(afterCancel < full * 0.5,
            $"the step returned {afterCancel.TotalMilliseconds:F0} ms after the cancel; a whole step takes {full.TotalMilliseconds:F0} ms (seed {seed})");
    }
}
