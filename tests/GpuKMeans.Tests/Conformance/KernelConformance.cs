using Xunit;
using GpuKMeans.Backends;
using GpuKMeans.Tests.Reference;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// Every kernel of a backend against the scalar reference, on fresh random inputs of odd shapes. Run
/// once per backend by the derived classes at the bottom of this file.
/// </summary>
public abstract class KernelConformance<TFixture>(TFixture fixture) where TFixture : BackendFixture
{
    [Theory]
    [MemberData(nameof(ConformanceShapes.Kernels), MemberType = typeof(ConformanceShapes))]
    public void DistanceMatrixMatchesReference(int n, int d, int k)
    {
        var (points, centroids, seed) = RandomProblem(n, d, k);
        using var device = fixture.Require().Backend.Upload(points, d, default).CreateWorkspace(ownsPoints: true);
        device.SetCentroids(centroids, k);
        // A sub-range of rows checks the row offset as well as the values.
        int first = n / 3, rows = n - n / 3;
        var got = new float[rows * k];
        device.ComputeDistances(first, rows, got);

        var expected = ScalarKMeans.DistanceMatrix(points, centroids, d);
        var errors = new Mismatches($"distances n={n} d={d} k={k}", seed);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < k; c++)
            {
                int i = first + r;
                double scale = ScalarKMeans.SquaredNorm(points, i, d) + ScalarKMeans.SquaredNorm(centroids, c, d);
                float value = got[r * k + c];
                double want = expected[i * k + c];
                errors.Check(value >= 0 && Tolerances.Close(value, want, scale, Tolerances.Distance),
                    () => $"[{i},{c}] {value} vs {want}");
            }
        errors.ThrowIfAny();
    }

    [Theory]
    [MemberData(nameof(ConformanceShapes.Kernels), MemberType = typeof(ConformanceShapes))]
    public void AssignmentMatchesReference(int n, int d, int k)
    {
        var (points, centroids, seed) = RandomProblem(n, d, k);
        using var device = fixture.Require().Backend.Upload(points, d, default).CreateWorkspace(ownsPoints: true);
        device.SetCentroids(centroids, k);
        device.AssignAndReduce();
        var labels = new int[n];
        var distances = new float[n];
        device.CopyLabels(labels);
        device.CopyMinDistances(distances);

        var c64 = ScalarKMeans.ToDouble(centroids);
        var expected = ScalarKMeans.Assign(points, c64, d);
        var errors = new Mismatches($"assignment n={n} d={d} k={k}", seed);
        for (int i = 0; i < n; i++)
        {
            int label = labels[i];
            double xNorm = ScalarKMeans.SquaredNorm(points, i, d);
            errors.Check(label >= 0 && label < k, () => $"point {i}: label {label} out of range");
            if (label < 0 || label >= k)
                continue;
            double chosen = ScalarKMeans.SquaredDistance(points, i, c64, label, d);
            double scale = xNorm + ScalarKMeans.SquaredNorm(centroids, label, d);
            // A different label is right only if it is a tie with the reference's best within tolerance.
            errors.Check(label == expected.Labels[i] || chosen - expected.Best[i] <= Tolerances.LabelTie * scale,
                () => $"point {i}: label {label} (d²={chosen}) vs {expected.Labels[i]} (d²={expected.Best[i]})");
            errors.Check(distances[i] >= 0 && Tolerances.Close(distances[i], expected.Best[i], scale, Tolerances.Distance),
                () => $"point {i}: distance {distances[i]} vs {expected.Best[i]}");
        }
        errors.ThrowIfAny();
    }

    [Theory]
    [MemberData(nameof(ConformanceShapes.Kernels), MemberType = typeof(ConformanceShapes))]
    public void ReductionMatchesReferenceAndIsBitReproducible(int n, int d, int k)
    {
        var (points, centroids, seed) = RandomProblem(n, d, k);
        var weights = TestData.Weights(n, new Random(seed + 1));
        using var device = fixture.Require().Backend.Upload(points, d, weights).CreateWorkspace(ownsPoints: true);
        device.SetCentroids(centroids, k);
        var sums = device.AssignAndReduce();
        var again = device.AssignAndReduce();
        var labels = new int[n];
        var distances = new float[n];
        device.CopyLabels(labels);
        device.CopyMinDistances(distances);

        var (refSums, refWeights) = ScalarKMeans.Accumulate(points, weights, labels, k, d);
        var (absSums, _) = ScalarKMeans.Accumulate(points.Select(Math.Abs).ToArray(), weights, labels, k, d);
        double refInertia = 0, absInertia = 0;
        for (int i = 0; i < n; i++)
        {
            refInertia += (double)weights[i] * distances[i];
            absInertia += Math.Abs((double)weights[i] * distances[i]);
        }
        var errors = new Mismatches($"reduction n={n} d={d} k={k}", seed);
        for (int cell = 0; cell < k * d; cell++)
            errors.Check(Tolerances.Close(sums.Sums[cell], refSums[cell], absSums[cell], Tolerances.Sum),
                () => $"sum[{cell / d},{cell % d}] {sums.Sums[cell]} vs {refSums[cell]}");
        for (int c = 0; c < k; c++)
            errors.Check(Tolerances.Close(sums.Weights[c], refWeights[c], refWeights[c], Tolerances.Sum),
                () => $"weight[{c}] {sums.Weights[c]} vs {refWeights[c]}");
        errors.Check(Tolerances.Close(sums.Inertia, refInertia, absInertia, Tolerances.Sum),
            () => $"inertia {sums.Inertia} vs {refInertia}");
        errors.Check(sums.LabelChangeCount == n, () => $"first assignment changed {sums.LabelChangeCount} labels, not {n}");
        errors.Check(sums.Sums.AsSpan().SequenceEqual(again.Sums) && sums.Weights.AsSpan().SequenceEqual(again.Weights)
            && BitConverter.DoubleToInt64Bits(sums.Inertia) == BitConverter.DoubleToInt64Bits(again.Inertia),
            () => "a second reduction of the same labels differs in some bit");
        errors.ThrowIfAny();
    }

    [Theory]
    [InlineData(1000, 3, 5)]
    [InlineData(10007, 33, 64)]
    public void LabelChangesCountExactlyThePointsThatMoved(int n, int d, int k)
    {
        var (points, centroids, seed) = RandomProblem(n, d, k);
        using var device = fixture.Require().Backend.Upload(points, d, default).CreateWorkspace(ownsPoints: true);
        device.SetCentroids(centroids, k);
        device.AssignAndReduce();
        var before = new int[n];
        device.CopyLabels(before);

        Assert.Equal(0, device.AssignAndReduce().LabelChangeCount);

        var moved = (float[])centroids.Clone();
        var random = new Random(seed + 2);
        for (int i = 0; i < moved.Length; i++)
            moved[i] += 0.5f * TestData.Normal(random);
        device.SetCentroids(moved, k);
        long changes = device.AssignAndReduce().LabelChangeCount;
        var after = new int[n];
        device.CopyLabels(after);
        Assert.Equal(Enumerable.Range(0, n).Count(i => before[i] != after[i]), changes);
    }

    [Theory]
    [InlineData(1000, 2)]
    [InlineData(1000, 33)]
    public void TiesGoToTheLowestCentroidIndex(int n, int d)
    {
        var (points, centroids, seed) = RandomProblem(n, d, 4);
        // Centroids 1 and 3 are copies of 0 and 2: every distance to them ties exactly.
        var duplicated = centroids[..(2 * d)].Concat(centroids[..(2 * d)]).ToArray();
        Array.Copy(centroids, 0, duplicated, d, d);
        Array.Copy(centroids, d, duplicated, 2 * d, d);
        Array.Copy(centroids, d, duplicated, 3 * d, d);
        using var device = fixture.Require().Backend.Upload(points, d, default).CreateWorkspace(ownsPoints: true);
        device.SetCentroids(duplicated, 4);
        device.AssignAndReduce();
        var labels = new int[n];
        device.CopyLabels(labels);
        Assert.All(labels, label => Assert.True(label is 0 or 2, $"label {label} is a later copy of a tied centroid (seed {seed})"));
    }

    private static (float[] Points, float[] Centroids, int Seed) RandomProblem(int n, int d, int k)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        return (TestData.Gaussian(n * d, random), TestData.Gaussian(k * d, random), seed);
    }
}

public sealed class CpuAcceleratorKernelConformance(CpuAcceleratorFixture fixture)
    : KernelConformance<CpuAcceleratorFixture>(fixture), IClassFixture<CpuAcceleratorFixture>;

public sealed class CudaKernelConformance(CudaFixture fixture)
    : KernelConformance<CudaFixture>(fixture), IClassFixture<CudaFixture>;

public sealed class OpenCLKernelConformance(OpenCLFixture fixture)
    : KernelConformance<OpenCLFixture>(fixture), IClassFixture<OpenCLFixture>;
