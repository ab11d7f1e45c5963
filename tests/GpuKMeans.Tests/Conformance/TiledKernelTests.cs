using GpuKMeans.Backends.Ilgpu.Kernels.Tiled;
using GpuKMeans.Tests.Reference;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using Xunit;

namespace GpuKMeans.Tests.Conformance;

/// <summary>ILGPU's CPU accelerator with the tiled kernels of <see cref="CpuTileConfig"/>, loaded once.</summary>
public sealed class TiledCpuFixture : IDisposable
{
    public TiledCpuFixture()
    {
        Context = Context.Create(b => b.CPU(CPUDevice.Default).EnableAlgorithms());
        Accelerator = Context.CreateCPUAccelerator(0);
        Assign = TiledLaunch.LoadAssign<CpuTileConfig>(Accelerator);
        DistanceMatrix = TiledLaunch.LoadDistanceMatrix<CpuTileConfig>(Accelerator);
    }

    public Context Context { get; }

    public Accelerator Accelerator { get; }

    internal TiledLaunch.AssignLauncher Assign { get; }

    internal TiledLaunch.DistanceMatrixLauncher DistanceMatrix { get; }

    public void Dispose()
    {
        Accelerator.Dispose();
        Context.Dispose();
    }
}

/// <summary>
/// The tiled distance core (assignment, distance matrix) against the scalar reference on
/// odd shapes — d not a multiple of the chunk, k not a multiple of the tile, n smaller than a tile.
/// </summary>
public sealed class TiledKernelTests(TiledCpuFixture fixture) : IClassFixture<TiledCpuFixture>
{
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int n in new[] { 1, 7, 1000 })
            foreach (int d in new[] { 1, 2, 33, 130 })
                foreach (int k in new[] { 1, 2, 257 })
                    data.Add(Row(n, d, k, slow: (d == 130 && (k == 257 || n == 1000)) || (n, d, k) == (1000, 33, 257)));
        // The largest n only where the CPU accelerator (an OS thread per GPU thread) stays quick.
        data.Add(Row(10007, 33, 2, slow: true));
        data.Add(Row(10007, 2, 257, slow: true));
        return data;
    }

    /// <summary>
    /// A shape; the slow ones (about 10 s or more each on the 2-core machine, where the cooperating groups' barriers
    /// cost 100–180 µs) carry <c>Category=Slow</c> and run in <c>.ci/run</c>, not in a plain <c>dotnet test</c>.
    /// </summary>
    private static TheoryDataRow<int, int, int> Row(int n, int d, int k, bool slow)
    {
        var row = new TheoryDataRow<int, int, int>(n, d, k);
        return slow ? row.WithTrait("Category", "Slow") : row;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AssignmentMatchesReferenceAndRepeatsBitForBit(int n, int d, int k)
    {
        var (points, centroids, seed) = Problem(n, d, k);
        var (labels, distances) = Assign(points, centroids, n, d, k);
        var (labels2, distances2) = Assign(points, centroids, n, d, k);

        var c64 = ScalarKMeans.ToDouble(centroids);
        var expected = ScalarKMeans.Assign(points, c64, d);
        var errors = new Mismatches($"tiled assignment n={n} d={d} k={k}", seed);
        for (int i = 0; i < n; i++)
        {
            int label = labels[i];
            errors.Check(label >= 0 && label < k, () => $"point {i}: label {label} out of range");
            if (label < 0 || label >= k)
                continue;
            double chosen = ScalarKMeans.SquaredDistance(points, i, c64, label, d);
            double scale = ScalarKMeans.SquaredNorm(points, i, d) + ScalarKMeans.SquaredNorm(centroids, label, d);
            errors.Check(label == expected.Labels[i] || chosen - expected.Best[i] <= Tolerances.LabelTie * scale,
                () => $"point {i}: label {label} (d²={chosen}) vs {expected.Labels[i]} (d²={expected.Best[i]})");
            errors.Check(distances[i] >= 0 && Tolerances.Close(distances[i], expected.Best[i], scale, Tolerances.Distance),
                () => $"point {i}: distance {distances[i]} vs {expected.Best[i]}");
        }
        errors.Check(labels.AsSpan().SequenceEqual(labels2) && distances.AsSpan().SequenceEqual(distances2),
            () => "a second run differs in some bit");
        errors.ThrowIfAny();
    }

    [Theory]
    [InlineData(1000, 2, 4)]
    [InlineData(1000, 33, 40)]
    [InlineData(300, 130, 257, Traits = ["Category", "Slow"])]
    public void ExactTiesGoToTheLowestIndex(int n, int d, int k)
    {
        var (points, centroids, seed) = Problem(n, d, k);
        // Centroid c ≥ 2 copies centroid c mod 2: each of 0 and 1 ties exactly with every later copy, including
        // copies in other thread columns and other centroid tiles.
        for (int c = 2; c < k; c++)
            Array.Copy(centroids, (c % 2) * d, centroids, c * d, d);
        var (labels, _) = Assign(points, centroids, n, d, k);
        Assert.All(labels, label => Assert.True(label is 0 or 1, $"label {label} is a later copy of a tied centroid (seed {seed})"));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 2, 257)]
    [InlineData(1000, 33, 2)]
    [InlineData(1000, 130, 35)]
    public void DistanceMatrixMatchesReferenceOnASubRange(int n, int d, int k)
    {
        var (points, centroids, seed) = Problem(n, d, k);
        int first = n / 3, rows = n - n / 3;
        var got = Run(points, centroids, n, d, k, (stream, views) =>
        {
            using var buffer = fixture.Accelerator.Allocate1D<float>((long)rows * k);
            TiledLaunch.DistanceMatrix<CpuTileConfig>(fixture.DistanceMatrix, stream, views.Points, views.PointNorms,
                views.Centroids, views.CentroidNorms, buffer.View, first, rows, d, k);
            return buffer.GetAsArray1D();
        });

        var expected = ScalarKMeans.DistanceMatrix(points, centroids, d);
        var errors = new Mismatches($"tiled distances n={n} d={d} k={k}", seed);
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

    /// <summary>
    /// Both CUDA tiles (the 128 × 128 one and the 64 × 64 small-k one) must take the register-staged path (one float4
    /// per thread and operand, BM·Chunk = 4·threads) and pass the core's shape rules within CUDA's 1024 threads.
    /// (They cannot run here: the CPU accelerator takes at most 16 threads a group.)
    /// </summary>
    [Fact]
    public void CudaTilesAreRegisterStaged()
    {
        TileShape.Validate<CudaTileConfig>(1024);
        TileShape.Validate<CudaSmallTileConfig>(1024);
        Assert.True(TileShape.RegisterStaged<CudaTileConfig>());
        Assert.True(TileShape.RegisterStaged<CudaSmallTileConfig>());
        Assert.Equal(CudaSmallTileConfig.MaxClusters, TileShape.BlockCentroids<CudaSmallTileConfig>());
        Assert.Equal(CudaSmallTileConfig.GroupSize, TileShape.Threads<CudaSmallTileConfig>());
        Assert.Equal(CudaTileConfig.GroupSize, TileShape.Threads<CudaTileConfig>());
    }

    /// <summary>
    /// Whole fits on the CPU accelerator run the one-thread <see cref="SerialTileConfig"/> (looped staging); every
    /// configuration sums each dot product over d in index order, so it must give the cooperating 16-thread
    /// configuration's labels and distances bit for bit, distance matrix included.
    /// </summary>
    [Theory]
    [InlineData(1000, 33, 257, Traits = ["Category", "Slow"])]
    [InlineData(37, 130, 5)]
    [InlineData(10007, 3, 64)]
    public void SerialConfigurationGivesTheCooperativeBits(int n, int d, int k)
    {
        var (points, centroids, seed) = Problem(n, d, k);
        var (labels, distances) = Assign(points, centroids, n, d, k);
        var serial = Backends.Ilgpu.TiledKernels.For<SerialTileConfig>(fixture.Accelerator);
        var cooperative = Backends.Ilgpu.TiledKernels.For<CpuTileConfig>(fixture.Accelerator);
        var (serialLabels, serialDistances) = Run(points, centroids, n, d, k, (stream, views) =>
        {
            using var l = fixture.Accelerator.Allocate1D<int>(n);
            using var m = fixture.Accelerator.Allocate1D<float>(n);
            serial.Assign(stream, views.Points, views.PointNorms, views.Centroids, views.CentroidNorms, l.View, m.View, n, d, k);
            return (l.GetAsArray1D(), m.GetAsArray1D());
        });
        Assert.True(labels.AsSpan().SequenceEqual(serialLabels), $"labels differ (n={n} d={d} k={k}, seed {seed})");
        Assert.True(distances.Select(BitConverter.SingleToInt32Bits).SequenceEqual(serialDistances.Select(BitConverter.SingleToInt32Bits)),
            $"distances differ in some bit (n={n} d={d} k={k}, seed {seed})");

        float[] Matrix(Backends.Ilgpu.TiledKernels kernels) => Run(points, centroids, n, d, k, (stream, views) =>
        {
            using var matrix = fixture.Accelerator.Allocate1D<float>((long)n * k);
            kernels.DistanceMatrix(stream, views.Points, views.PointNorms, views.Centroids, views.CentroidNorms, matrix.View, 0, n, d, k);
            return matrix.GetAsArray1D();
        });
        Assert.True(Matrix(cooperative).Select(BitConverter.SingleToInt32Bits).SequenceEqual(Matrix(serial).Select(BitConverter.SingleToInt32Bits)),
            $"distance matrices differ in some bit (n={n} d={d} k={k}, seed {seed})");
    }

    private (int[] Labels, float[] Distances) Assign(float[] points, float[] centroids, int n, int d, int k) =>
        Run(points, centroids, n, d, k, (stream, views) =>
        {
            using var labels = fixture.Accelerator.Allocate1D<int>(n);
            using var distances = fixture.Accelerator.Allocate1D<float>(n);
            TiledLaunch.Assign<CpuTileConfig>(fixture.Assign, stream, views.Points, views.PointNorms,
                views.Centroids, views.CentroidNorms, labels.View, distances.View, n, d, k);
            return (labels.GetAsArray1D(), distances.GetAsArray1D());
        });

    private T Run<T>(float[] points, float[] centroids, int n, int d, int k, Func<AcceleratorStream, Views, T> body)
    {
        var accelerator = fixture.Accelerator;
        using var p = accelerator.Allocate1D(points);
        using var pn = accelerator.Allocate1D(Norms(points, n, d));
        using var c = accelerator.Allocate1D(centroids);
        using var cn = accelerator.Allocate1D(Norms(centroids, k, d));
        var result = body(accelerator.DefaultStream, new Views(p.View, pn.View, c.View, cn.View));
        accelerator.Synchronize();
        return result;
    }

    private static float[] Norms(float[] rows, int count, int d)
    {
        var norms = new float[count];
        for (int i = 0; i < count; i++)
            norms[i] = (float)ScalarKMeans.SquaredNorm(rows, i, d);
        return norms;
    }

    private static (float[] Points, float[] Centroids, int Seed) Problem(int n, int d, int k)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        return (TestData.Gaussian(n * d, random), TestData.Gaussian(k * d, random), seed);
    }

    private readonly record struct Views(
        ArrayView<float> Points, ArrayView<float> PointNorms, ArrayView<float> Centroids, ArrayView<float> CentroidNorms);
}
