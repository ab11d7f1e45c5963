using Xunit;
using GpuKMeans.Backends;
using GpuKMeans.Backends.Cpu;
using GpuKMeans.Tests.Reference;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// The pruned step against the unpruned one on the same vector path, step by step through the workspace: the
/// pruned step evaluates with the kernel's own lane arithmetic and skips only centroids whose distance is
/// provably larger, so labels, distances, sums, inertia and label changes must agree to the last bit — on
/// every path (scalar, 128, 256, 512 bits), fused and unfused, including a step that restarts the bounds.
/// </summary>
public sealed class PruningSimdPathTests
{
    public static TheoryData<int, bool, KMeansAlgorithm> Cases()
    {
        var data = new TheoryData<int, bool, KMeansAlgorithm>();
        foreach (int bits in new[] { 32, 128, 256, 512 })
            foreach (bool fuse in new[] { true, false })
                foreach (var algorithm in new[] { KMeansAlgorithm.Elkan, KMeansAlgorithm.Yinyang })
                    data.Add(bits, fuse, algorithm);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryStepHasTheUnprunedBits(int bits, bool fuse, KMeansAlgorithm algorithm)
    {
        var level = bits switch { 512 => CpuSimdLevel.Vector512, 256 => CpuSimdLevel.Vector256, 128 => CpuSimdLevel.Vector128, _ => CpuSimdLevel.Scalar };
        Assert.SkipWhen(CpuKernels.BestLevel < level, $"{level} is not accelerated here");
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        const int n = 3001, d = 9, k = 37;
        var points = TestData.Blobs(n, d, 30, 6f, random).Points;
        var weights = TestData.Weights(n, random);
        var backend = new CpuBackend(level, fuseAccumulate: fuse);
        using var lloyd = backend.Upload(points, d, weights).CreateWorkspace(ownsPoints: true);
        using var pruned = backend.Upload(points, d, weights).CreateWorkspace(ownsPoints: true);
        ((ILloydPruning)pruned).UseAlgorithm(algorithm, k);

        var centroids = points.AsSpan(0, k * d).ToArray();
        long skipped = 0;
        for (int step = 0; step < 12; step++)
        {
            if (step == 0 || step == 8)
            {
                lloyd.ResetLabels();
                pruned.ResetLabels();
            }
            var (expected, actual) = WorkspaceSteps.SameStep(lloyd, pruned, centroids, k, $"{algorithm}, {level}, fused {fuse}, step {step} (seed {seed})");
            Assert.Equal(0, expected.SkippedDistanceCount);
            skipped += actual.SkippedDistanceCount;
            centroids = WorkspaceSteps.Update(expected, centroids, d);
        }
        Assert.True(skipped > 0, $"{algorithm}, {level}: nothing skipped (seed {seed})");
    }
}
