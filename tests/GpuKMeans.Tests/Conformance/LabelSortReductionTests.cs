using Xunit;
using GpuKMeans.Backends.Ilgpu;
using GpuKMeans.Backends.Ilgpu.Kernels.Reduction;
using GpuKMeans.Tests.Reference;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

namespace GpuKMeans.Tests.Conformance;

/// <summary>ILGPU's CPU accelerator, created once for <see cref="LabelSortReductionTests"/>.</summary>
public sealed class ReductionAcceleratorFixture : IDisposable
{
    public ReductionAcceleratorFixture()
    {
        Context = Context.Create(b => b.Default().EnableAlgorithms());
        Accelerator = Context.GetCPUDevice(0).CreateAccelerator(Context);
    }

    public Context Context { get; }

    public Accelerator Accelerator { get; }

    public void Dispose()
    {
        Accelerator.Dispose();
        Context.Dispose();
    }
}

/// <summary>
/// A second, deliberately odd configuration (8-thread groups, 2-lane sub-groups, 24-point tiles, 40-count scan
/// tiles): the reduction must return the same bits as with <see cref="CpuReductionConfig"/>.
/// </summary>
public readonly struct OddReductionConfig : IReductionConfig
{
    int IReductionConfig.GroupSize => 8;
    int IReductionConfig.SubgroupSize => 2;
    int IReductionConfig.SubgroupCount => 4;
    int IReductionConfig.SubgroupTableLength => 1024;
    int IReductionConfig.Rounds => 3;
    int IReductionConfig.TileSize => 24;
    int IReductionConfig.ScanItems => 5;
    int IReductionConfig.ScanTileLength => 40;
    int IReductionConfig.MaxGroups => 7;
}

/// <summary>
/// <see cref="LabelSortReduction"/> on ILGPU's CPU accelerator against plain loops: the permutation is the
/// stable sort by label, the segment offsets are the label counts' prefix sums, the sums match the scalar
/// reference and equal, bit for bit, a host replay of the documented chunk order; a second run and a second
/// configuration return the same bits.
/// </summary>
public sealed class LabelSortReductionTests(ReductionAcceleratorFixture fixture) : IClassFixture<ReductionAcceleratorFixture>
{
    /// <summary>Odd shapes covering n ∈ {1, 15, 1000, 10007}, d ∈ {1, 3, 33, 130}, k ∈ {1, 2, 257, 300}.</summary>
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 },
        { 1, 130, 300 },
        { 15, 3, 2 },
        { 15, 33, 257 },
        { 1000, 33, 257 },
        { 1000, 130, 2 },
        // n = 10007: 8–30 s each on the CPU accelerator, so in .ci/run (Category=Slow), not in a plain dotnet test.
        new TheoryDataRow<int, int, int>(10007, 3, 300).WithTrait("Category", "Slow"),
        new TheoryDataRow<int, int, int>(10007, 1, 1).WithTrait("Category", "Slow"),
        new TheoryDataRow<int, int, int>(10007, 33, 2).WithTrait("Category", "Slow"),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatchesReferenceAndIsReproducible(int n, int d, int k)
    {
        int seed = TestData.NewSeed();
        var problem = Problem.Create(n, d, k, seed);
        var accelerator = fixture.Accelerator;
        using var inputs = new DeviceInputs(accelerator, problem);
        using var reduction = new LabelSortReduction(accelerator, n, d, k, ReductionKernelEntries.Cpu);
        string what = $"n={n} d={d} k={k}";

        var first = inputs.Run(reduction, problem);
        var permutation = ToArray(reduction.Permutation);
        var segments = ToArray(reduction.Segments.SubView(0, k + 1));

        var expectedOrder = Enumerable.Range(0, n).OrderBy(i => problem.Labels[i]).ToArray();
        Assert.True(expectedOrder.SequenceEqual(permutation), $"{what}: permutation is not the stable sort by label (seed {seed})");
        var expectedSegments = new int[k + 1];
        foreach (int label in problem.Labels)
            expectedSegments[label + 1]++;
        for (int c = 0; c < k; c++)
            expectedSegments[c + 1] += expectedSegments[c];
        Assert.True(expectedSegments.SequenceEqual(segments), $"{what}: segment offsets differ (seed {seed})");

        CheckAgainstReference(first, problem, what, seed);

        var replay = ReplayFixedOrder(problem, expectedOrder, expectedSegments);
        AssertSameBits(replay, first, $"{what}: device vs host replay of the chunk order", seed);

        var second = inputs.Run(reduction, problem);
        AssertSameBits(first, second, $"{what}: second run", seed);
    }

    [Theory]
    [InlineData(1000, 3, 257)]
    [InlineData(1003, 5, 2)]
    public void SecondConfigurationGivesSameBits(int n, int d, int k)
    {
        int seed = TestData.NewSeed();
        var problem = Problem.Create(n, d, k, seed);
        var accelerator = fixture.Accelerator;
        using var inputs = new DeviceInputs(accelerator, problem);
        using var cpu = new LabelSortReduction(accelerator, n, d, k, ReductionKernelEntries.Cpu);
        using var odd = new LabelSortReduction(accelerator, n, d, k, ReductionKernelEntries.For<OddReductionConfig>(IlgpuTargets.Cpu));
        var a = inputs.Run(cpu, problem);
        var permutationA = ToArray(cpu.Permutation);
        var b = inputs.Run(odd, problem);
        var permutationB = ToArray(odd.Permutation);
        Assert.True(permutationA.SequenceEqual(permutationB), $"n={n} d={d} k={k}: permutations differ (seed {seed})");
        AssertSameBits(a, b, $"n={n} d={d} k={k}: CpuReductionConfig vs OddReductionConfig", seed);
        CheckAgainstReference(b, problem, $"n={n} d={d} k={k} (odd config)", seed);

        // The one-thread configuration whole fits run on this accelerator gives the same bits too.
        using var serial = new LabelSortReduction(accelerator, n, d, k, ReductionKernelEntries.Serial);
        var c = inputs.Run(serial, problem);
        Assert.True(permutationA.SequenceEqual(ToArray(serial.Permutation)), $"n={n} d={d} k={k}: serial permutation differs (seed {seed})");
        AssertSameBits(a, c, $"n={n} d={d} k={k}: CpuReductionConfig vs SerialReductionConfig", seed);
    }

    [Fact]
    public void EveryEntryIsExplicitlyGroupedAndTargetsItsAccelerators()
    {
        Assert.Equal(30, ReductionKernelEntries.All.Count); // 10 kernels × (CPU, serial CPU, GPU)
        Assert.All(ReductionKernelEntries.All, e => Assert.True(e.ExplicitlyGrouped, e.Name));
        Assert.All(ReductionKernelEntries.Cpu.All, e => Assert.Equal(IlgpuTargets.Cpu, e.Targets));
        Assert.All(ReductionKernelEntries.Serial.All, e => Assert.Equal(IlgpuTargets.Cpu, e.Targets));
        Assert.All(ReductionKernelEntries.Gpu.All, e => Assert.Equal(IlgpuTargets.Cuda | IlgpuTargets.OpenCL, e.Targets));
        Assert.Equal(ReductionKernelEntries.All.Count, ReductionKernelEntries.All.Select(e => e.Name).Distinct().Count());
    }

    private static void CheckAgainstReference(Result got, Problem problem, string what, int seed)
    {
        int d = problem.D, k = problem.K;
        var (sums, weights) = ScalarKMeans.Accumulate(problem.Points, problem.Weights, problem.Labels, k, d);
        var sumScale = new double[k * d];
        var weightScale = new double[k];
        double inertia = 0, inertiaScale = 0;
        long changes = 0;
        for (int i = 0; i < problem.Labels.Length; i++)
        {
            int c = problem.Labels[i];
            double w = problem.Weights[i];
            weightScale[c] += Math.Abs(w);
            for (int j = 0; j < d; j++)
                sumScale[c * d + j] += Math.Abs(w * problem.Points[i * d + j]);
            inertia += w * problem.MinDistances[i];
            inertiaScale += Math.Abs(w * problem.MinDistances[i]);
            if (problem.Labels[i] != problem.PreviousLabels[i])
                changes++;
        }
        var errors = new Mismatches($"{what}: sums", seed);
        for (int cell = 0; cell < k * d; cell++)
            errors.Check(Tolerances.Close(got.Sums[cell], sums[cell], sumScale[cell], Tolerances.Sum),
                () => $"[{cell / d},{cell % d}] {got.Sums[cell]} vs {sums[cell]}");
        for (int c = 0; c < k; c++)
            errors.Check(Tolerances.Close(got.Weights[c], weights[c], weightScale[c], Tolerances.Sum),
                () => $"weight[{c}] {got.Weights[c]} vs {weights[c]}");
        errors.Check(Tolerances.Close(got.Inertia, inertia, inertiaScale, Tolerances.Sum), () => $"inertia {got.Inertia} vs {inertia}");
        errors.Check(got.Changes == changes, () => $"changes {got.Changes} vs {changes}");
        errors.ThrowIfAny();
    }

    /// <summary>The documented order on the host: chunks of C sorted points, groups of F chunks, clusters in order.</summary>
    private static Result ReplayFixedOrder(Problem problem, int[] order, int[] segments)
    {
        int d = problem.D, k = problem.K, width = d + ReductionLayout.ExtraColumns;
        var rows = new double[k * width];
        var column = new double[width];
        for (int c = 0; c < k; c++)
        {
            var level1 = new List<double[]>();
            for (int begin = segments[c]; begin < segments[c + 1]; begin += ReductionLayout.ChunkSize)
            {
                int end = Math.Min(begin + ReductionLayout.ChunkSize, segments[c + 1]);
                var row = new double[width];
                for (int p = begin; p < end; p++)
                {
                    int i = order[p];
                    double w = problem.Weights[i];
                    for (int j = 0; j < d; j++)
                        row[j] += w * problem.Points[i * d + j];
                    row[d] += w;
                    row[d + 1] += w * (double)problem.MinDistances[i];
                    if (problem.Labels[i] != problem.PreviousLabels[i])
                        row[d + 2] += 1.0;
                }
                level1.Add(row);
            }
            for (int g = 0; g < level1.Count; g += ReductionLayout.FanIn)
            {
                var level2 = new double[width];
                for (int q = g; q < Math.Min(g + ReductionLayout.FanIn, level1.Count); q++)
                    for (int j = 0; j < width; j++)
                        level2[j] += level1[q][j];
                for (int j = 0; j < width; j++)
                    rows[c * width + j] += level2[j];
            }
        }
        var sums = new double[k * d];
        var weights = new double[k];
        double inertia = 0;
        long changes = 0;
        for (int c = 0; c < k; c++)
        {
            Array.Copy(rows, c * width, sums, c * d, d);
            weights[c] = rows[c * width + d];
            inertia += rows[c * width + d + 1];
            changes += (long)rows[c * width + d + 2];
        }
        return new Result(sums, weights, inertia, changes);
    }

    private static int[] ToArray(ArrayView<int> view)
    {
        var values = new int[view.Length];
        view.CopyToCPU(values);
        return values;
    }

    private static void AssertSameBits(Result expected, Result actual, string what, int seed)
    {
        var errors = new Mismatches(what, seed);
        for (int i = 0; i < expected.Sums.Length; i++)
            errors.Check(BitConverter.DoubleToInt64Bits(expected.Sums[i]) == BitConverter.DoubleToInt64Bits(actual.Sums[i]),
                () => $"sum[{i}] {expected.Sums[i]:R} vs {actual.Sums[i]:R}");
        for (int c = 0; c < expected.Weights.Length; c++)
            errors.Check(BitConverter.DoubleToInt64Bits(expected.Weights[c]) == BitConverter.DoubleToInt64Bits(actual.Weights[c]),
                () => $"weight[{c}] {expected.Weights[c]:R} vs {actual.Weights[c]:R}");
        errors.Check(BitConverter.DoubleToInt64Bits(expected.Inertia) == BitConverter.DoubleToInt64Bits(actual.Inertia),
            () => $"inertia {expected.Inertia:R} vs {actual.Inertia:R}");
        errors.Check(expected.Changes == actual.Changes, () => $"changes {expected.Changes} vs {actual.Changes}");
        errors.ThrowIfAny();
    }

    private sealed record Result(double[] Sums, double[] Weights, double Inertia, long Changes);

    /// <summary>Random inputs: skewed labels (so some clusters are large and some empty), changed and −1 previous labels.</summary>
    private sealed record Problem(int N, int D, int K, float[] Points, float[] Weights, int[] Labels, int[] PreviousLabels, float[] MinDistances)
    {
        public static Problem Create(int n, int d, int k, int seed)
        {
            var random = new Random(seed);
            var points = TestData.Gaussian(n * d, random, scale: 3f, offset: 1f);
            var weights = TestData.Weights(n, random);
            var labels = new int[n];
            var previous = new int[n];
            var distances = new float[n];
            for (int i = 0; i < n; i++)
            {
                double u = random.NextDouble();
                labels[i] = Math.Min(k - 1, (int)(k * u * u));
                double v = random.NextDouble();
                previous[i] = v < 0.6 ? labels[i] : v < 0.8 ? random.Next(k) : -1;
                distances[i] = (float)(random.NextDouble() * 10);
            }
            return new Problem(n, d, k, points, weights, labels, previous, distances);
        }
    }

    /// <summary>The inputs copied to the accelerator.</summary>
    private sealed class DeviceInputs : IDisposable
    {
        private readonly MemoryBuffer1D<float, Stride1D.Dense> _points, _weights, _distances;
        private readonly MemoryBuffer1D<int, Stride1D.Dense> _labels, _previous;

        public DeviceInputs(Accelerator accelerator, Problem problem)
        {
            _points = accelerator.Allocate1D(problem.Points);
            _weights = accelerator.Allocate1D(problem.Weights);
            _distances = accelerator.Allocate1D(problem.MinDistances);
            _labels = accelerator.Allocate1D(problem.Labels);
            _previous = accelerator.Allocate1D(problem.PreviousLabels);
            Stream = accelerator.DefaultStream;
        }

        private AcceleratorStream Stream { get; }

        public Result Run(LabelSortReduction reduction, Problem problem)
        {
            var (sums, weights, inertia, changes) = reduction.Run(Stream, _points.View, _weights.View, _labels.View,
                _previous.View, _distances.View, problem.N, problem.D, problem.K);
            return new Result(sums, weights, inertia, changes);
        }

        public void Dispose()
        {
            _points.Dispose();
            _weights.Dispose();
            _distances.Dispose();
            _labels.Dispose();
            _previous.Dispose();
        }
    }
}
