using GpuKMeans;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using Xunit;

namespace GpuKMeans.Tests.Api;

/// <summary>
/// <see cref="KMeansDevice.FromAccelerator"/> with an accelerator the caller made, on a context with and without
/// ILGPU.Algorithms: the fit works, matches the library's own device, and the caller's accelerator survives.
/// </summary>
public sealed class FromAcceleratorTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ACallersCpuAcceleratorFitsLikeTheLibrarysOwnAndIsLeftAlive(bool enableAlgorithms)
    {
        using var context = Context.Create(builder =>
        {
            builder.CPU();
            if (enableAlgorithms)
                builder.EnableAlgorithms();
        });
        using var accelerator = context.GetCPUDevice(0).CreateAccelerator(context);
        var points = ApiData.Blobs(30, seed: 8);
        var options = new KMeansOptions { ClusterCount = 3, Seed = 5 };

        KMeansResult borrowed;
        double silhouette;
        using (var device = KMeansDevice.FromAccelerator(accelerator))
        {
            Assert.Equal(KMeansBackend.IlgpuCpu, device.Kind);
            Assert.Same(accelerator, device.Accelerator);
            using var kmeans = new KMeans(options, device);
            borrowed = kmeans.Fit(points, 2, cancellationToken: TestContext.Current.CancellationToken);
            silhouette = kmeans.Silhouette(borrowed, points, sampleSize: 50, seed: 1);
            Assert.Equal(borrowed.Labels.ToArray(), kmeans.Predict(borrowed, points));
        }

        using (var own = new KMeans(options with { Backend = KMeansBackend.IlgpuCpu }))
        {
            var reference = own.Fit(points, 2, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(reference.Centroids.ToArray(), borrowed.Centroids.ToArray());
            Assert.Equal(reference.Inertia, borrowed.Inertia);
            Assert.Equal(own.Silhouette(reference, points, sampleSize: 50, seed: 1), silhouette);
        }

        // Disposing the KMeansDevice left the caller's accelerator working.
        using var buffer = accelerator.Allocate1D<float>(4);
        buffer.View.CopyFromCPU(new float[] { 1, 2, 3, 4 });
        Assert.Equal(new float[] { 1, 2, 3, 4 }, buffer.GetAsArray1D());
    }
}
