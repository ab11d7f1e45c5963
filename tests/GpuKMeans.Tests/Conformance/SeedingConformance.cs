using Xunit;
using GpuKMeans.Backends;
using GpuKMeans.Tests.Reference;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// The k-means++ operations (the one-pass <see cref="ISeedingOperations.SeedingPass"/> with a pending centre, the
/// full and row-range closest-distance updates) against the scalar reference.
/// </summary>
public abstract class SeedingConformance<TFixture>(TFixture fixture) where TFixture : BackendFixture
{
    [Theory]
    [MemberData(nameof(ConformanceShapes.Seeding), MemberType = typeof(ConformanceShapes))]
    public void SeedingPassMatchesReference(int n, int d) => CheckPass(n, d, 4);

    /// <summary>More candidates than one register of sums (CPU) or one launch (ILGPU) takes: 2 + ⌊ln k⌋ = 19 at k ≈ 2.4·10⁷.</summary>
    [Theory]
    [InlineData(1000, 5)]
    [InlineData(3001, 33)]
    public void ManyCandidatesMatchReference(int n, int d) => CheckPass(n, d, 19);

    /// <summary>More candidates than the CPU keeps on the stack (64): its lane sums and distances go on the heap.</summary>
    [Theory]
    [InlineData(700, 8)]
    public void MoreCandidatesThanTheStackHoldsMatchReference(int n, int d) => CheckPass(n, d, 70);

    private void CheckPass(int n, int d, int candidateCount)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var points = TestData.Gaussian(n * d, random);
        var weights = TestData.Weights(n, random);
        int[] chosen = [random.Next(n), random.Next(n)];
        int[] candidates = [.. Enumerable.Range(0, candidateCount - 1).Select(_ => random.Next(n)), chosen[0]];
        using var device = fixture.Require().Backend.Upload(points, d, weights).CreateWorkspace(ownsPoints: true);

        int blockSize = PartitionRules.SeedingBlockSize(n);
        int blocks = PartitionRules.SeedingBlockCount(n);
        var sums = new double[candidates.Length * blocks];
        device.ResetClosest();
        device.UpdateClosest(Row(points, chosen[0], d));
        device.SeedingPass(Row(points, chosen[1], d), Rows(points, candidates, d), blockSize, sums);
        var closest = new float[n];
        device.CopyClosest(0, closest);

        var errors = new Mismatches($"k-means++ pass n={n} d={d} candidates={candidateCount}", seed);
        var chosenCentres = ScalarKMeans.ToDouble(Rows(points, chosen, d));
        for (int i = 0; i < n; i++)
        {
            double want = Math.Min(
                ScalarKMeans.SquaredDistance(points, i, chosenCentres, 0, d),
                ScalarKMeans.SquaredDistance(points, i, chosenCentres, 1, d));
            double scale = ScalarKMeans.SquaredNorm(points, i, d) + chosen.Max(r => ScalarKMeans.SquaredNorm(points, r, d));
            errors.Check(closest[i] >= 0 && Tolerances.Close(closest[i], want, scale, Tolerances.Distance),
                () => $"closest[{i}] {closest[i]} vs {want}");
        }
        foreach (int row in chosen)
            errors.Check(closest[row] == 0f, () => $"closest[{row}] of a chosen row is {closest[row]}, not 0");

        var candidateCentres = ScalarKMeans.ToDouble(Rows(points, candidates, d));
        for (int t = 0; t < candidates.Length; t++)
        {
            double candidateNorm = ScalarKMeans.SquaredNorm(points, candidates[t], d);
            for (int b = 0; b < blocks; b++)
            {
                double want = 0, scale = 0;
                for (int i = b * blockSize; i < Math.Min(n, (b + 1) * blockSize); i++)
                {
                    want += weights[i] * Math.Min(closest[i], ScalarKMeans.SquaredDistance(points, i, candidateCentres, t, d));
                    scale += weights[i] * (ScalarKMeans.SquaredNorm(points, i, d) + candidateNorm);
                }
                int tt = t, bb = b;
                errors.Check(Tolerances.Close(sums[t * blocks + b], want, scale, Tolerances.Distance),
                    () => $"candidate {candidates[tt]}, block {bb}: {sums[tt * blocks + bb]} vs {want}");
            }
        }
        errors.ThrowIfAny();
    }

    /// <summary>
    /// A candidate's block sums do not depend on the other candidates of the pass: 16 candidates (two ILGPU launches of
    /// 8 lanes) and the same 16 plus one (three launches; on the CPU, a third batch of eight centres filled differently)
    /// agree bit for bit.
    /// </summary>
    [Theory]
    [InlineData(1000, 3)]
    [InlineData(5003, 17)]
    public void CandidateSumsDoNotDependOnTheOtherCandidates(int n, int d)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var points = TestData.Gaussian(n * d, random);
        var weights = TestData.Weights(n, random);
        int[] candidates = [.. Enumerable.Range(0, 17).Select(_ => random.Next(n))];
        var pending = Row(points, random.Next(n), d);
        int blockSize = PartitionRules.SeedingBlockSize(n), blocks = PartitionRules.SeedingBlockCount(n);
        using var device = fixture.Require().Backend.Upload(points, d, weights).CreateWorkspace(ownsPoints: true);

        double[] Pass(int count)
        {
            device.ResetClosest();
            var sums = new double[count * blocks];
            device.SeedingPass(pending, Rows(points, candidates[..count], d), blockSize, sums);
            return sums;
        }
        var sixteen = Pass(16);
        var seventeen = Pass(17);
        for (int cell = 0; cell < sixteen.Length; cell++)
            Assert.True(BitConverter.DoubleToInt64Bits(sixteen[cell]) == BitConverter.DoubleToInt64Bits(seventeen[cell]),
                $"candidate {cell / blocks}, block {cell % blocks}: {sixteen[cell]} with 16 candidates, {seventeen[cell]} with 17 (seed {seed})");
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(1000, 7)]
    [InlineData(10007, 33)]
    public void RangeUpdateTouchesOnlyItsRowsAndAgreesWithTheFullUpdate(int n, int d)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var points = TestData.Gaussian(n * d, random);
        using var device = fixture.Require().Backend.Upload(points, d, default).CreateWorkspace(ownsPoints: true);
        device.ResetClosest();
        device.UpdateClosest(Row(points, random.Next(n), d));
        var before = new float[n];
        device.CopyClosest(0, before);

        var centre = Row(points, random.Next(n), d);
        int first = n / 3, rows = Math.Min(PartitionRules.SeedingBlockSize(n), n - first);
        device.UpdateClosest(centre, first, rows);
        var ranged = new float[n];
        device.CopyClosest(0, ranged);
        device.UpdateClosest(centre);
        var full = new float[n];
        device.CopyClosest(0, full);

        for (int i = 0; i < n; i++)
        {
            bool inside = i >= first && i < first + rows;
            if (!inside)
                Assert.True(ranged[i] == before[i], $"row {i} outside [{first}, {first + rows}) changed: {before[i]} -> {ranged[i]} (seed {seed})");
            else
                Assert.True(ranged[i] == full[i], $"row {i}: the range update gave {ranged[i]}, the full one {full[i]} (seed {seed})");
            Assert.True(full[i] <= before[i], $"row {i} went up: {before[i]} -> {full[i]} (seed {seed})");
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => device.UpdateClosest(centre, n - rows + 1, rows));

        // The pass applies a pending centre with the same distances as the update (the solver relies on it when it
        // brings a drawn block up to date before the pass that applies the centre to every point).
        device.ResetClosest();
        device.SeedingPass(centre, Row(points, 0, d), PartitionRules.SeedingBlockSize(n), new double[PartitionRules.SeedingBlockCount(n)]);
        var passed = new float[n];
        device.CopyClosest(0, passed);
        device.ResetClosest();
        device.UpdateClosest(centre);
        device.CopyClosest(0, full);
        for (int i = 0; i < n; i++)
            Assert.True(BitConverter.SingleToInt32Bits(passed[i]) == BitConverter.SingleToInt32Bits(full[i]),
                $"row {i}: the pass's pending centre gave {passed[i]}, the update {full[i]} (seed {seed})");
    }

    private static float[] Row(float[] points, int row, int d) => points.AsSpan(row * d, d).ToArray();

    private static float[] Rows(float[] points, int[] rows, int d) => rows.SelectMany(r => Row(points, r, d)).ToArray();
}

public sealed class CpuAcceleratorSeedingConformance(CpuAcceleratorFixture fixture)
    : SeedingConformance<CpuAcceleratorFixture>(fixture), IClassFixture<CpuAcceleratorFixture>;

public sealed class CudaSeedingConformance(CudaFixture fixture)
    : SeedingConformance<CudaFixture>(fixture), IClassFixture<CudaFixture>;

public sealed class OpenCLSeedingConformance(OpenCLFixture fixture)
    : SeedingConformance<OpenCLFixture>(fixture), IClassFixture<OpenCLFixture>;
