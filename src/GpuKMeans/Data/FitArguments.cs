using GpuKMeans.Solver;

namespace GpuKMeans.Data;

/// <summary>
/// The public boundary of every fit (<see cref="KMeans"/>, <see cref="MiniBatchKMeans"/>): checks that the data and a
/// fit's options suit each other, and makes the <see cref="FitInput"/> the solver reads.
/// </summary>
internal static class FitArguments
{
    /// <summary>Validates row-major points and weights for a fit and uploads them, for that fit alone, to <paramref name="device"/>.</summary>
    /// <exception cref="ArgumentException">Bad points or weights, fewer rows than clusters, or bad initial centroids.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is not positive.</exception>
    /// <exception cref="ObjectDisposedException">The device was disposed.</exception>
    public static FitInput Upload(
        KMeansDevice device, ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> sampleWeights,
        int clusterCount, float[]? initialCentroids, long? memoryBudget = null)
    {
        device.ThrowIfDisposed();
        int n = PointData.CheckPoints(points, dimensions, nameof(points));
        PointData.CheckWeights(sampleWeights, n, nameof(sampleWeights));
        CheckShape(n, dimensions, clusterCount, initialCentroids);
        return FitInput.Upload(device.BackendFor(n, dimensions, clusterCount), points, dimensions, sampleWeights, memoryBudget);
    }

    /// <summary>The input of a fit on a dataset already uploaded to <paramref name="device"/>, after the same checks.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The dataset or the device was disposed.</exception>
    /// <exception cref="ArgumentException">The dataset is on another device, has fewer rows than clusters, or the initial centroids are bad.</exception>
    public static FitInput Resident(KMeansDevice device, KMeansDataset data, int clusterCount, float[]? initialCentroids)
    {
        ArgumentNullException.ThrowIfNull(data);
        device.ThrowIfDisposed();
        var input = data.Input;
        if (!ReferenceEquals(data.Device, device))
            throw new ArgumentException("data was uploaded to another device than this estimator's.", nameof(data));
        CheckShape(input.Count, input.Dimensions, clusterCount, initialCentroids);
        return input;
    }

    /// <summary>The default of <see cref="KMeansOptions.ClusterCount"/>, named in the message when it is too many for the data.</summary>
    private static readonly int DefaultClusterCount = new KMeansOptions().ClusterCount;

    /// <summary>Throws unless there are at least <paramref name="clusterCount"/> rows and given centroids are k × d and finite.</summary>
    /// <exception cref="ArgumentException">Fewer rows than clusters ("points"), or bad initial centroids ("InitialCentroids").</exception>
    private static void CheckShape(int pointCount, int dimensions, int clusterCount, float[]? initialCentroids)
    {
        if (clusterCount > pointCount)
            throw new ArgumentException(
                $"n_samples={pointCount} should be >= n_clusters={clusterCount}: points has {pointCount} rows, fewer than ClusterCount={clusterCount}"
                + (clusterCount == DefaultClusterCount ? $" (the default; set KMeansOptions.ClusterCount to at most {pointCount})" : "")
                + ": k-means needs at least as many points as clusters.",
                "points");
        if (initialCentroids is null)
            return;
        if (initialCentroids.Length != (long)clusterCount * dimensions)
            throw new ArgumentException(
                $"InitialCentroids has {initialCentroids.Length} values but ClusterCount × dimensions = {clusterCount} × {dimensions} = {(long)clusterCount * dimensions}.",
                nameof(KMeansOptions.InitialCentroids));
        PointData.CheckFinite(initialCentroids, dimensions, nameof(KMeansOptions.InitialCentroids), "centroid");
    }
}
