using GpuKMeans.Cli.Cluster;
using GpuKMeans.Cli.Io;
using GpuKMeans.Orleans;
using GpuKMeans.Tests.Scaling;
using Xunit;

namespace GpuKMeans.Tests.Cluster;

/// <summary>Small blob files for cluster fits, and the local fits they must equal.</summary>
internal static class ClusterData
{
    /// <summary>Writes well-separated blobs (shifted by <paramref name="shift"/> on every axis) as a float32 .npy and describes it.</summary>
    public static KMeansClusterInput WriteBlobs(string path, int n, int d, int k, int seed, float shift = 0)
    {
        var points = ScalingData.Blobs(n, d, k, seed);
        for (int i = 0; i < points.Length; i++)
            points[i] += shift;
        using (var stream = File.Create(path))
            NpyWriter.WriteFloat32(stream, points, d);
        return ClusterFitRunner.Describe(path, InputOptions.Default);
    }

    /// <summary>The fit of the same file on <paramref name="shards"/> local CPU shards (the bit-identical reference), or on one resident device (0).</summary>
    public static KMeansResult LocalFit(KMeansOptions options, KMeansClusterInput input, int shards)
    {
        using var device = shards == 0 ? KMeansDevice.Create(KMeansBackend.Cpu) : KMeansDevice.Create(KMeansBackend.Cpu, [.. Enumerable.Range(0, shards)]);
        using var source = KMeansPointSource.FromFloat32File(input.Path, input.Dimensions, input.Rows, input.DataOffset);
        using var dataset = device.Upload(source);
        using var kmeans = new KMeans(options, device);
        return kmeans.Fit(dataset, cancellationToken: TestContext.Current.CancellationToken);
    }
}
