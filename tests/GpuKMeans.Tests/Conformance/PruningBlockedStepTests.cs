using Xunit;
using GpuKMeans.Backends;
using GpuKMeans.Backends.Cpu;
using GpuKMeans.Tests.Reference;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// The pruned step's choice of kernel (<see cref="CpuWorkspace.BlockedShare"/>): every step blocked, only the first,
/// never, and the default rule, on odd shapes, step by step against the unpruned workspace to the last bit. Bounds set
/// from the centroid geometry after a blocked step, bounds left behind by rows settled without reading them (their
/// epoch), and a centroid that jumps far and back, all have to give Lloyd's labels, distances and sums.
/// </summary>
public sealed class PruningBlockedStepTests
{
    public static TheoryData<int, int, int, double, KMeansAlgorithm> Cases()
    {
        var data = new TheoryData<int, int, int, double, KMeansAlgorithm>();
        foreach (var (n, d, k) in new[] { (1001, 33, 37), (517, 3, 200), (250, 5, 1) })
            foreach (double share in new[] { 0, CpuWorkspace.DefaultBlockedShare, double.PositiveInfinity, -1 })
                foreach (var algorithm in new[] { KMeansAlgorithm.Elkan, KMeansAlgorithm.Yinyang })
                    data.Add(n, d, k, share, algorithm);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryStepHasTheUnprunedBits(int n, int d, int k, double share, KMeansAlgorithm algorithm)
    {
        foreach (var level in new[] { CpuKernels.BestLevel, CpuSimdLevel.Scalar })
        {
            int seed = TestData.NewSeed();
            var random = new Random(seed);
            var points = TestData.Blobs(n, d, Math.Max(1, k / 2), 6f, random).Points;
            var weights = TestData.Weights(n, random);
            var backend = new CpuBackend(level, fuseAccumulate: true);
            using var lloyd = backend.Upload(points, d, weights).CreateWorkspace(ownsPoints: true);
            using var pruned = backend.Upload(points, d, weights).CreateWorkspace(ownsPoints: true);
            ((ILloydPruning)pruned).UseAlgorithm(algorithm, k);
            ((CpuWorkspace)pruned).BlockedShare = share;

            var centroids = points.AsSpan(0, k * d).ToArray();
            var far = (float[])centroids.Clone();
            long skipped = 0;
            for (int step = 0; step < 16; step++)
            {
                if (step == 0 || step == 11)
                {
                    lloyd.ResetLabels();
                    pruned.ResetLabels();
                }
                if (step == 6)
                {
                    // Centroid 0 jumps far away (its points leave it) and comes back two steps later.
                    centroids.AsSpan(0, d).CopyTo(far.AsSpan(0, d));
                    for (int j = 0; j < d; j++)
                        centroids[j] += 100f;
                }
                if (step == 8)
                    far.AsSpan(0, d).CopyTo(centroids.AsSpan(0, d));
                var (expected, actual) = WorkspaceSteps.SameStep(lloyd, pruned, centroids, k, $"{algorithm}, {level}, share {share}, {n} x {d} x {k}, step {step} (seed {seed})");
                Assert.InRange(actual.SkippedDistanceCount, 0, (long)n * k);
                if (share == 0 || step is 0 or 11 && share >= 0)
                    Assert.Equal(0, actual.SkippedDistanceCount);   // a blocked step evaluates everything
                skipped += actual.SkippedDistanceCount;
                centroids = WorkspaceSteps.Update(expected, centroids, d);
            }
            if (share != 0 && k > 1)
                Assert.True(skipped > 0, $"{algorithm}, {level}, share {share}: nothing skipped (seed {seed})");
        }
    }
}
