using Xunit;
using GpuKMeans.Tests.Reference;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// A <see cref="KMeansDataset"/> is immutable and thread-safe: many threads fitting on one dataset get the bits
/// one thread gets, and a disposed dataset refuses every use with <see cref="ObjectDisposedException"/>.
/// Run once per backend.
/// </summary>
public abstract class SharedDatasetConformance<TFixture>(TFixture fixture) where TFixture : BackendFixture
{
    private const int Threads = 8;

    /// <summary>Fits per thread; ILGPU's CPU accelerator runs each GPU thread as an OS thread, so it gets fewer.</summary>
    private int FitsPerThread => fixture.Backend == KMeansBackend.IlgpuCpu ? 3 : 25;

    [Fact]
    [Trait("Category", "Slow")]   // 15–20 s on the CPU accelerator: in .ci/run, not in a plain dotnet test
    public void ThreadsFittingOneDatasetGetTheBitsOfOneThread()
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var (points, _) = TestData.Blobs(600, 3, 5, spread: 2f, random);
        var weights = TestData.Weights(600, random);
        var device = fixture.Require();
        using var data = device.Upload(points, 3, weights);
        // Several option sets, so that concurrent fits differ in k, init and seed (an elbow sweep on threads).
        KMeansOptions[] options =
        [
            new() { ClusterCount = 5, Seed = 1 },
            new() { ClusterCount = 3, Seed = 2, Init = KMeansInitMethod.RandomRows, InitCount = 2 },
            new() { ClusterCount = 8, Seed = 3 },
        ];
        var expected = options.Select(o => Fit(device, o, data)).ToArray();

        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                for (int f = 0; f < FitsPerThread; f++)
                {
                    int which = (t + f) % options.Length;
                    var got = Fit(device, options[which], data);
                    if (!SameBits(expected[which], got))
                        failures.Enqueue($"thread {t}, fit {f}, options {which}: differs from the single-threaded fit");
                }
            }
            catch (Exception e)
            {
                failures.Enqueue($"thread {t}: {e.GetType().Name}: {e.Message}");
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.True(failures.IsEmpty, $"{failures.Count} failures on {fixture.Backend} (seed {seed}):\n{string.Join("\n", failures.Take(10))}");
    }

    [Fact]
    public void ChangingTheCallersArrayAfterUploadChangesNothing()
    {
        var (points, _) = TestData.Blobs(300, 2, 3, spread: 3f, new Random(TestData.NewSeed()));
        var device = fixture.Require();
        var options = new KMeansOptions { ClusterCount = 3, Seed = 4, Init = KMeansInitMethod.RandomRows };
        using var data = device.Upload((float[])points.Clone(), 2);
        var before = Fit(device, options, data);

        var mutable = (float[])points.Clone();
        using var other = device.Upload(mutable, 2);
        Array.Fill(mutable, float.NaN);
        Assert.True(SameBits(before, Fit(device, options, other)), "the dataset read the caller's array after the upload");
    }

    [Fact]
    public void ADisposedDatasetThrowsObjectDisposedExceptionOnEveryUse()
    {
        var points = TestData.Gaussian(200 * 2, new Random(TestData.NewSeed()));
        var device = fixture.Require();
        var data = device.Upload(points, 2);
        using var kmeans = new KMeans(new KMeansOptions { ClusterCount = 2, Seed = 0 }, device);
        var model = kmeans.Fit(data, cancellationToken: TestContext.Current.CancellationToken);
        data.Dispose();
        data.Dispose(); // twice is fine

        Assert.Throws<ObjectDisposedException>(() => kmeans.Fit(data, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ObjectDisposedException>(() => kmeans.Silhouette(model, data, sampleSize: 50, seed: 0));
        // Metadata stays readable; the device itself is still usable.
        Assert.Equal(200, data.Count);
        using var fresh = device.Upload(points, 2);
        Assert.Equal(model.Inertia, kmeans.Fit(fresh, cancellationToken: TestContext.Current.CancellationToken).Inertia);
    }

    private static KMeansResult Fit(KMeansDevice device, KMeansOptions options, KMeansDataset data)
    {
        using var kmeans = new KMeans(options, device);
        return kmeans.Fit(data, cancellationToken: TestContext.Current.CancellationToken);
    }

    private static bool SameBits(KMeansResult a, KMeansResult b) =>
        a.Centroids.AsSpan().SequenceEqual(b.Centroids.AsSpan())
        && a.Labels.AsSpan().SequenceEqual(b.Labels.AsSpan())
        && BitConverter.DoubleToInt64Bits(a.Inertia) == BitConverter.DoubleToInt64Bits(b.Inertia)
        && a.Iterations == b.Iterations && a.Run == b.Run;
}

public sealed class CpuSimdSharedDatasetConformance(CpuSimdFixture fixture)
    : SharedDatasetConformance<CpuSimdFixture>(fixture), IClassFixture<CpuSimdFixture>;

public sealed class CpuAcceleratorSharedDatasetConformance(CpuAcceleratorFixture fixture)
    : SharedDatasetConformance<CpuAcceleratorFixture>(fixture), IClassFixture<CpuAcceleratorFixture>;

public sealed class CudaSharedDatasetConformance(CudaFixture fixture)
    : SharedDatasetConformance<CudaFixture>(fixture), IClassFixture<CudaFixture>;

public sealed class OpenCLSharedDatasetConformance(OpenCLFixture fixture)
    : SharedDatasetConformance<OpenCLFixture>(fixture), IClassFixture<OpenCLFixture>;
