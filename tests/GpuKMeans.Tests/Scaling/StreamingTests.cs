using GpuKMeans.Tests.Reference;
using ILGPU;
using ILGPU.Runtime.CPU;
using Xunit;

namespace GpuKMeans.Tests.Scaling;

/// <summary>
/// Fits whose points exceed <see cref="KMeansOptions.DeviceMemoryBudget"/> stream them through the device in chunks: the
/// result equals the resident fit within rounding (same labels on well-separated data), is bit-identical run to run for a
/// budget, and works from a file read in place. k-means++ streams too (these fits seed with it).
/// </summary>
public sealed class StreamingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(6000, 5, 7, 1.5)]
    [InlineData(4099, 3, 4, 3.0)]
    [InlineData(1000, 17, 9, 7.3)]
    public void AStreamedFitOnTheCpuBackendEqualsTheResidentFitAndRepeatsBitForBit(int n, int d, int k, double parts)
    {
        int seed = TestData.NewSeed();
        var points = ScalingData.Blobs(n, d, k, seed);
        var options = new KMeansOptions { ClusterCount = k, Seed = seed, Tolerance = 0 };
        using var device = KMeansDevice.Create(KMeansBackend.Cpu);
        using var kmeans = new KMeans(options, device);
        var resident = kmeans.Fit(points, d, cancellationToken: Token);

        long budget = ScalingData.BudgetFor(n, d, parts);
        using var data = device.Upload(points, d, deviceMemoryBudget: budget);
        Assert.True(data.IsStreamed);
        var streamed = kmeans.Fit(data, cancellationToken: Token);
        ScalingData.Close(resident, streamed);
        ScalingData.Identical(streamed, kmeans.Fit(data, cancellationToken: Token));

        // The same budget through the options of a plain fit.
        using var budgeted = new KMeans(options with { DeviceMemoryBudget = budget }, device);
        ScalingData.Identical(streamed, budgeted.Fit(points, d, cancellationToken: Token));
    }

    [Fact]
    public void WeightedStreamedFitsMatchTheResidentFit()
    {
        int seed = TestData.NewSeed();
        const int n = 3000, d = 4, k = 6;
        var points = ScalingData.Blobs(n, d, k, seed);
        var weights = TestData.Weights(n, new Random(seed));
        using var device = KMeansDevice.Create(KMeansBackend.Cpu);
        using var kmeans = new KMeans(new KMeansOptions { ClusterCount = k, Seed = seed }, device);
        using var resident = device.Upload(points, d, weights);
        using var streamed = device.Upload(points, d, weights, ScalingData.BudgetFor(n, d, 2.5));
        ScalingData.Close(kmeans.Fit(resident, cancellationToken: Token), kmeans.Fit(streamed, cancellationToken: Token));
    }

    [Fact]
    public void StreamingOnAnIlgpuAcceleratorUsesPageLockedSlotsAndMatchesTheResidentFit()
    {
        int seed = TestData.NewSeed();
        const int n = 1500, d = 3, k = 4;
        var points = ScalingData.Blobs(n, d, k, seed);
        using var context = Context.Create(builder => builder.CPU().EnableAlgorithms());
        using var accelerator = context.GetCPUDevice(0).CreateAccelerator(context);
        using var device = KMeansDevice.FromAccelerator(accelerator);
        using var kmeans = new KMeans(new KMeansOptions { ClusterCount = k, Seed = seed, MaxIterations = 20 }, device);
        using var resident = device.Upload(points, d);
        using var streamed = device.Upload(points, d, deviceMemoryBudget: ScalingData.BudgetFor(n, d, 1.5));
        Assert.True(streamed.IsStreamed);
        var expected = kmeans.Fit(resident, cancellationToken: Token);
        var actual = kmeans.Fit(streamed, cancellationToken: Token);
        ScalingData.Close(expected, actual);
        ScalingData.Identical(actual, kmeans.Fit(streamed, cancellationToken: Token));
    }

    [Fact]
    public void AFileReadInPlaceFitsLikeTheSamePointsInMemory()
    {
        int seed = TestData.NewSeed();
        const int n = 5000, d = 6, k = 5;
        var points = ScalingData.Blobs(n, d, k, seed);
        for (int i = 0; i < points.Length; i++)
            points[i] += 1000f;   // far from the origin: the streamed conditioning (translation) is exercised too
        string path = Path.Combine(Path.GetTempPath(), $"gpukmeans-stream-{Guid.NewGuid():N}.f32");
        try
        {
            const int header = 128;
            using (var file = File.Create(path))
            {
                file.Write(new byte[header]);
                file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(points.AsSpan()));
            }
            long budget = ScalingData.BudgetFor(n, d, 2);
            using var device = KMeansDevice.Create(KMeansBackend.Cpu);
            using var kmeans = new KMeans(new KMeansOptions { ClusterCount = k, Seed = seed }, device);
            using var inMemory = device.Upload(points, d, deviceMemoryBudget: budget);
            using var source = KMeansPointSource.FromFloat32File(path, d, offset: header);
            Assert.Equal(n, source.Count);
            using var fromFile = device.Upload(source, deviceMemoryBudget: budget);
            Assert.True(fromFile.IsStreamed);
            ScalingData.Identical(kmeans.Fit(inMemory, cancellationToken: Token), kmeans.Fit(fromFile, cancellationToken: Token));
            Assert.Equal(File.ReadAllBytes(path).Length, header + points.Length * sizeof(float));   // never written
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ANonFiniteValueInAFileIsReportedByRowAndColumn()
    {
        var points = new float[300 * 4];
        points[(217 * 4) + 2] = float.NaN;
        string path = Path.Combine(Path.GetTempPath(), $"gpukmeans-nan-{Guid.NewGuid():N}.f32");
        try
        {
            File.WriteAllBytes(path, System.Runtime.InteropServices.MemoryMarshal.AsBytes(points.AsSpan()).ToArray());
            using var device = KMeansDevice.Create(KMeansBackend.Cpu);
            using var source = KMeansPointSource.FromFloat32File(path, 4);
            var error = Assert.Throws<ArgumentException>(() => device.Upload(source));
            Assert.Contains("row 217, column 2", error.Message);
            Assert.Throws<ArgumentException>(() => KMeansPointSource.FromFloat32File(path, 4, rows: 301));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ABudgetThatIsNotPositiveIsRejectedByName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(new KMeansOptions { DeviceMemoryBudget = 0 }));
        Assert.Equal(nameof(KMeansOptions.DeviceMemoryBudget), error.ParamName);
        using var device = KMeansDevice.Create(KMeansBackend.Cpu);
        Assert.Equal("deviceMemoryBudget", Assert.Throws<ArgumentOutOfRangeException>(
            () => device.Upload(new float[8], 2, deviceMemoryBudget: -1)).ParamName);
    }

    [Fact]
    public void TransformAndSilhouetteWorkOnStreamedData()
    {
        int seed = TestData.NewSeed();
        const int n = 2000, d = 3, k = 3;
        var points = ScalingData.Blobs(n, d, k, seed);
        using var device = KMeansDevice.Create(KMeansBackend.Cpu);
        using var kmeans = new KMeans(new KMeansOptions { ClusterCount = k, Seed = seed }, device);
        using var streamed = device.Upload(points, d, deviceMemoryBudget: ScalingData.BudgetFor(n, d, 3));
        var model = kmeans.Fit(streamed, cancellationToken: Token);
        double expected = kmeans.Silhouette(model, points, sampleSize: 300, seed: 2);
        Assert.Equal(expected, kmeans.Silhouette(model, streamed, sampleSize: 300, seed: 2), 6);
    }
}
