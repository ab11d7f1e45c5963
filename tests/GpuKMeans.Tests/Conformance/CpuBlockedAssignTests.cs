using Xunit;
using GpuKMeans.Backends.Cpu;
using GpuKMeans.Tests.Reference;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// The cache-blocked assignment (<see cref="CpuKernels.AssignRowsBlocked"/>) against the unblocked register
/// kernel it replaces in the Lloyd step, at every vector width: the same chains of fused multiply-adds and
/// the same argmin, so labels and distances must agree to the last bit, across slice boundaries of d
/// (d &gt; 128), even and odd slice depths (the tile runs coordinates in pairs), partial micro-panels of k (one, two or three vectors wide),
/// chunks that start anywhere, n not a multiple of the tile's four rows, and exact ties (duplicated centroids,
/// points equal to centroids), where the lowest index must win.
/// </summary>
public sealed class CpuBlockedAssignTests
{
    /// <summary>(vector width in bits, 32 = scalar; n; d; k; rows per chunk).</summary>
    public static TheoryData<int, int, int, int, int> Cases()
    {
        var data = new TheoryData<int, int, int, int, int>();
        foreach (int bits in new[] { 32, 128, 256, 512 })
            foreach (var (n, d, k, chunk) in new[]
            {
                (1, 1, 1, 4), (7, 3, 7, 4), (1003, 7, 5, 64), (600, 33, 64, 100), (301, 16, 130, 512),
                (257, 128, 80, 256), (259, 129, 65, 64), (130, 300, 200, 128), (97, 513, 17, 32),
                (203, 20, 40, 64), (150, 140, 100, 48), (64, 5, 47, 64),
                // The tile runs two coordinates per trip: even and odd depths, a last slice of two, and whole slices only.
                (61, 2, 33, 16), (45, 130, 96, 20), (33, 256, 48, 12), (39, 383, 130, 24),
            })
                data.Add(bits, n, d, k, chunk);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BlockedGivesTheUnblockedBits(int bits, int n, int d, int k, int chunk)
    {
        var level = bits switch { 512 => CpuSimdLevel.Vector512, 256 => CpuSimdLevel.Vector256, 128 => CpuSimdLevel.Vector128, _ => CpuSimdLevel.Scalar };
        Assert.SkipWhen(CpuKernels.BestLevel < level, $"{level} is not accelerated here");
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var values = TestData.Gaussian(n * d, random);
        var centroids = TestData.Gaussian(k * d, random);
        // Ties: the last centroid repeats the first, and the first point sits on centroid k / 2.
        if (k > 1)
            centroids.AsSpan(0, d).CopyTo(centroids.AsSpan((k - 1) * d, d));
        centroids.AsSpan(k / 2 * d, d).CopyTo(values.AsSpan(0, d));
        var kernels = CpuKernels.Create(level);
        var points = new CpuPoints(values, d, []);

        var panel = new CentroidPanel(kernels.Width);
        panel.Pack(centroids, k, d);
        var expectedLabels = new int[n];
        var expectedDistances = new float[n];
        kernels.AssignRows(points, panel, 0, n, expectedLabels, expectedDistances, new float[4 * panel.Padded]);

        var micro = kernels.NewMicroPanels();
        micro.Pack(centroids, k, d);
        var labels = new int[n];
        var distances = new float[n];
        var scratch = new float[kernels.BlockedScratchLength(chunk, micro)];
        for (int first = 0; first < n; first += chunk)
            kernels.AssignRowsBlocked(points, micro, first, Math.Min(n, first + chunk), labels, distances, scratch);

        Assert.True(expectedLabels.AsSpan().SequenceEqual(labels), $"labels differ (seed {seed})");
        Assert.True(Bits(expectedDistances).SequenceEqual(Bits(distances)), $"distances differ (seed {seed})");
        Assert.Equal(k / 2, labels[0]);
        Assert.Equal(0f, distances[0]);
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
