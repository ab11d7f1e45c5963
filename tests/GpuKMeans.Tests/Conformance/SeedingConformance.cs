using Xunit;
using GpuKMeans.Backends;
using GpuKMeans.Tests.Reference;

namespace GpuKMeans.Tests.Conformance;

/// <summary>The k-means++ kernels (closest-distance update, candidate potentials, block sums) against the reference.</summary>
public abstract class SeedingConformance<TFixture>(TFixture fixture) where TFixture : BackendFixture
{
    [Theory]
    [MemberData(nameof(ConformanceShapes.Seeding), MemberType = typeof(ConformanceShapes))]
    public void SeedingKernelsMatchReference(int n, int d)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var points = TestData.Gaussian(n * d, random);
        var weights = TestData.Weights(n, random);
        int[] chosen = [random.Next(n), random.Next(n)];
        int[] candidates = [random.Next(n), random.Next(n), random.Next(n)];
        using var device = fixture.Require().Backend.Upload(points, d, weights).CreateWorkspace(ownsPoints: true);

        device.ResetClosest();
        foreach (int row in chosen)
            device.UpdateClosest(points.AsSpan(row * d, d));
        var closest = new float[n];
        device.CopyClosest(0, closest);

        var errors = new Mismatches($"k-means++ kernels n={n} d={d}", seed);
        var chosenCentres = ScalarKMeans.ToDouble(chosen.SelectMany(r => points.AsSpan(r * d, d).ToArray()).ToArray());
        for (int i = 0; i < n; i++)
        {
            double want = Math.Min(
                ScalarKMeans.SquaredDistance(points, i, chosenCentres, 0, d),
                ScalarKMeans.SquaredDistance(points, i, chosenCentres, 1, d));
            double scale = ScalarKMeans.SquaredNorm(points, i, d) + chosen.Max(r => ScalarKMeans.SquaredNorm(points, r, d));
            errors.Check(closest[i] >= 0 && Tolerances.Close(closest[i], want, scale, Tolerances.Distance),
                () => $"closest[{i}] {closest[i]} vs {want}");
        }

        int blockSize = PartitionRules.SeedingBlockSize(n);
        var blockSums = new double[PartitionRules.SeedingBlockCount(n)];
        device.ComputeClosestBlockSums(blockSize, blockSums);
        for (int b = 0; b < blockSums.Length; b++)
        {
            double want = 0;
            for (int i = b * blockSize; i < Math.Min(n, (b + 1) * blockSize); i++)
                want += (double)weights[i] * closest[i];
            errors.Check(Tolerances.Close(blockSums[b], want, want, Tolerances.Sum), () => $"block {b}: {blockSums[b]} vs {want}");
        }

        var potentials = new double[candidates.Length];
        device.ComputeCandidatePotentials(candidates.SelectMany(r => points.AsSpan(r * d, d).ToArray()).ToArray(), blockSize, potentials);
        var candidateCentres = ScalarKMeans.ToDouble(candidates.SelectMany(r => points.AsSpan(r * d, d).ToArray()).ToArray());
        for (int t = 0; t < candidates.Length; t++)
        {
            double want = 0, scale = 0;
            double candidateNorm = ScalarKMeans.SquaredNorm(points, candidates[t], d);
            for (int i = 0; i < n; i++)
            {
                want += weights[i] * Math.Min(closest[i], ScalarKMeans.SquaredDistance(points, i, candidateCentres, t, d));
                scale += weights[i] * (ScalarKMeans.SquaredNorm(points, i, d) + candidateNorm);
            }
            errors.Check(Tolerances.Close(potentials[t], want, scale, Tolerances.Distance),
                () => $"potential of candidate {candidates[t]}: {potentials[t]} vs {want}");
        }
        errors.ThrowIfAny();
    }
}

public sealed class CpuAcceleratorSeedingConformance(CpuAcceleratorFixture fixture)
    : SeedingConformance<CpuAcceleratorFixture>(fixture), IClassFixture<CpuAcceleratorFixture>;

public sealed class CudaSeedingConformance(CudaFixture fixture)
    : SeedingConformance<CudaFixture>(fixture), IClassFixture<CudaFixture>;

public sealed class OpenCLSeedingConformance(OpenCLFixture fixture)
    : SeedingConformance<OpenCLFixture>(fixture), IClassFixture<OpenCLFixture>;
