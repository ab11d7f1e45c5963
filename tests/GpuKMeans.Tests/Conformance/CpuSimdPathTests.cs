using Xunit;
using GpuKMeans.Backends;
using GpuKMeans.Backends.Cpu;
using GpuKMeans.Tests.Reference;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// The CPU backend's narrower vector paths (and its unfused reduction) against the path the conformance
/// suite runs: every lane computes the same chain of fused multiply-adds, so all paths must agree to the
/// last bit on distances, labels, sums and the k-means++ quantities. This runs the AVX2, 128-bit and scalar
/// code on a machine whose best path is wider.
/// </summary>
public sealed class CpuSimdPathTests
{
    /// <summary>(vector width in bits, 32 = scalar; n; d; k).</summary>
    public static TheoryData<int, int, int, int> Cases()
    {
        var data = new TheoryData<int, int, int, int>();
        foreach (int bits in new[] { 32, 128, 256, 512 })
            foreach (var (n, d, k) in new[] { (1, 1, 1), (1003, 7, 5), (1000, 33, 64), (2000, 2, 20), (4099, 130, 257), (1001, 8, 9), (517, 16, 3), (700, 4, 17), (300, 64, 4) })
                data.Add(bits, n, d, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryPathGivesTheSameBits(int bits, int n, int d, int k)
    {
        var level = bits switch { 512 => CpuSimdLevel.Vector512, 256 => CpuSimdLevel.Vector256, 128 => CpuSimdLevel.Vector128, _ => CpuSimdLevel.Scalar };
        Assert.SkipWhen(CpuKernels.BestLevel < level, $"{level} is not accelerated here");
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var points = TestData.Gaussian(n * d, random);
        var weights = TestData.Weights(n, random);
        var centroids = TestData.Gaussian(k * d, random);
        using var reference = new CpuBackend(CpuKernels.BestLevel).Upload(points, d, weights).CreateWorkspace(ownsPoints: true);
        var backend = new CpuBackend(level, fuseAccumulate: false);
        Assert.Equal(level, backend.Level);
        using var tested = backend.Upload(points, d, weights).CreateWorkspace(ownsPoints: true);

        var (refLabels, refDistances, refMatrix, refSums) = Lloyd(reference, centroids, k);
        var (labels, distances, matrix, sums) = Lloyd(tested, centroids, k);
        Assert.True(refLabels.AsSpan().SequenceEqual(labels), $"labels differ (seed {seed})");
        Assert.True(Bits(refDistances).SequenceEqual(Bits(distances)), $"distances to the nearest centroid differ (seed {seed})");
        Assert.True(Bits(refMatrix).SequenceEqual(Bits(matrix)), $"distance matrices differ (seed {seed})");
        Assert.True(refSums.Sums.AsSpan().SequenceEqual(sums.Sums), $"sums differ (seed {seed})");
        Assert.True(refSums.Weights.AsSpan().SequenceEqual(sums.Weights), $"weights differ (seed {seed})");
        Assert.Equal(BitConverter.DoubleToInt64Bits(refSums.Inertia), BitConverter.DoubleToInt64Bits(sums.Inertia));
        Assert.Equal(refSums.LabelChangeCount, sums.LabelChangeCount);

        int[] chosen = [random.Next(n), random.Next(n)];
        int[] candidates = [random.Next(n), random.Next(n), random.Next(n), chosen[0]];
        var (refClosest, refBlocks) = Seeding(reference, chosen, candidates);
        var (closest, blocks) = Seeding(tested, chosen, candidates);
        Assert.True(Bits(refClosest).SequenceEqual(Bits(closest)), $"closest distances differ (seed {seed})");
        Assert.True(refBlocks.AsSpan().SequenceEqual(blocks), $"candidate block sums differ (seed {seed})");
        foreach (int row in chosen)
            Assert.Equal(0f, closest[row]);
    }

    /// <summary>
    /// The distance matrix's transposed panel is packed on first use after new centroids, not by SetCentroids: a
    /// matrix after new centroids (another k too) must be the one a fresh workspace computes for them.
    /// </summary>
    [Theory]
    [InlineData(512)]
    [InlineData(256)]
    [InlineData(32)]
    public void DistanceMatrixFollowsTheLatestCentroids(int bits)
    {
        var level = bits switch { 512 => CpuSimdLevel.Vector512, 256 => CpuSimdLevel.Vector256, _ => CpuSimdLevel.Scalar };
        Assert.SkipWhen(CpuKernels.BestLevel < level, $"{level} is not accelerated here");
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        const int n = 203, d = 130;
        var points = TestData.Gaussian(n * d, random);
        var first = TestData.Gaussian(37 * d, random);
        var backend = new CpuBackend(level);
        using var reused = backend.Upload(points, d, []).CreateWorkspace(ownsPoints: true);
        using var fresh = backend.Upload(points, d, []).CreateWorkspace(ownsPoints: true);
        reused.SetCentroids(first, 37);
        reused.ComputeDistances(0, n, new float[n * 37]);
        foreach (int k in new[] { 37, 70 })
        {
            var centroids = TestData.Gaussian(k * d, random);
            reused.SetCentroids(centroids, k);
            reused.AssignAndReduce();
            fresh.SetCentroids(centroids, k);
            var expected = new float[n * k];
            var got = new float[n * k];
            fresh.ComputeDistances(0, n, expected);
            reused.ComputeDistances(0, n, got);
            Assert.True(Bits(expected).SequenceEqual(Bits(got)), $"k = {k}: the matrix is not the latest centroids' (seed {seed})");
        }
    }

    [Fact]
    public void AutoFallsBackToTheNativeCpuBackendAndIlgpuCpuStaysIlgpu()
    {
        using var cpu = KMeansDevice.Create(KMeansBackend.Cpu);
        Assert.Equal(KMeansBackend.Cpu, cpu.Kind);
        Assert.Equal("CPU", cpu.BackendName);
        Assert.Null(cpu.Accelerator);
        Assert.Contains("threads", cpu.Name);

        using var auto = KMeansDevice.Create();
        if (auto.Kind == KMeansBackend.Cpu)
            Assert.Null(auto.Accelerator);

        using var ilgpu = KMeansDevice.Create(KMeansBackend.IlgpuCpu);
        Assert.NotNull(ilgpu.Accelerator);
    }

    private static (int[] Labels, float[] Distances, float[] Matrix, PartialStatistics Sums) Lloyd(IFitWorkspace device, float[] centroids, int k)
    {
        int n = device.Count;
        device.ResetLabels();
        device.SetCentroids(centroids, k);
        device.AssignAndReduce();
        // A second assignment from moved centroids, so the label-change count is not trivially n.
        var moved = centroids.Select((v, i) => v + 0.25f * MathF.Sin(i)).ToArray();
        device.SetCentroids(moved, k);
        var sums = device.AssignAndReduce();
        var labels = new int[n];
        var distances = new float[n];
        var matrix = new float[n * k];
        device.CopyLabels(labels);
        device.CopyMinDistances(distances);
        device.ComputeDistances(0, n, matrix);
        return (labels, distances, matrix, sums);
    }

    /// <summary>The first chosen row applied alone, the second as the pass's pending centre.</summary>
    private static (float[] Closest, double[] Blocks) Seeding(IFitWorkspace device, int[] chosen, int[] candidates)
    {
        device.ResetClosest();
        device.UpdateClosest(Rows(device, [chosen[0]]));
        int blockSize = PartitionRules.SeedingBlockSize(device.Count);
        var blocks = new double[candidates.Length * PartitionRules.SeedingBlockCount(device.Count)];
        device.SeedingPass(Rows(device, [chosen[1]]), Rows(device, candidates), blockSize, blocks);
        var closest = new float[device.Count];
        device.CopyClosest(0, closest);
        return (closest, blocks);
    }

    private static float[] Rows(IFitWorkspace device, int[] rows)
    {
        var values = new float[rows.Length * device.Dimensions];
        device.CopyRows(rows, values);
        return values;
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
