using GpuKMeans.Orleans;
using GpuKMeans.Tests.Cli;
using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Cluster;

/// <summary>A worker killed mid-fit never loses the fit silently and never hangs it: the fit fails naming the worker.</summary>
public sealed class ClusterFaultTests
{
    /// <summary>The bound: a lost worker is reported within 30 s (past it, the test calls the fit hung).</summary>
    private static readonly TimeSpan LostWorkerBound = TimeSpan.FromSeconds(30);

    [Fact]

    [Trait("Category", "Slow")]   // worker processes or Release builds: in .ci/run, not in a plain dotnet test
    public void AWorkerKilledMidFitFailsTheFitNamingIt()
    {
        int seed = TestData.NewSeed();
        using var dir = new CliTempDirectory();
        var input = ClusterData.WriteBlobs(dir.PathOf("blobs.npy"), 3000, 3, 4, seed);
        byte[] before = File.ReadAllBytes(input.Path);
        var workers = WorkerProcess.StartCluster(3);
        try
        {
            var victim = workers[1];   // not the primary: with localhost clustering the primary's death ends the cluster
            using var client = KMeansCluster.Connect([.. workers.Select(w => w.Gateway)], cancellationToken: TestContext.Current.CancellationToken);
            var options = new KMeansOptions { ClusterCount = 4, Seed = seed, Tolerance = 0, MaxIterations = 100 };
            var killer = new KillAfterFirstIteration(victim);

            var fit = Task.Run(() => client.Fit(options, input, shardCount: 3, killer), TestContext.Current.CancellationToken);
            Assert.True(killer.Killed.Wait(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken) || fit.IsCompleted, $"the fit never reached its first iteration: {fit.Status}");
            Assert.True(((IAsyncResult)fit).AsyncWaitHandle.WaitOne(LostWorkerBound), $"the fit hung: still running {LostWorkerBound} after the kill");

            var lost = Assert.IsType<KMeansWorkerLostException>(fit.Exception?.InnerException);
            Assert.Equal(victim.Endpoint, lost.Worker);
            Assert.Contains(victim.Endpoint, lost.Message);
            Assert.Equal(before, File.ReadAllBytes(input.Path));   // the input is never written
        }
        finally
        {
            foreach (var worker in workers)
                worker.Dispose();
        }
    }

    /// <summary>Kills a worker when the first iteration is reported, on the solver's thread, so the next call meets a dead worker.</summary>
    private sealed class KillAfterFirstIteration(WorkerProcess victim) : IProgress<KMeansIterationStats>
    {
        public ManualResetEventSlim Killed { get; } = new();

        public void Report(KMeansIterationStats value)
        {
            if (Killed.IsSet)
                return;
            victim.Kill();
            Killed.Set();
        }
    }
}
