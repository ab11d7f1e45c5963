using GpuKMeans.Data;

namespace GpuKMeans;

/// <summary>Applying the model to new points: every overload takes points in the original units and applies <see cref="Scaling"/>.</summary>
public sealed partial class KMeansModel
{
    private delegate T DeviceCall<T>(KMeans kmeans, KMeansResult centroids, ReadOnlySpan<float> scaledPoints);

    /// <summary>
    /// The nearest centroid of every row (lowest index on ties), as scikit-learn's <c>predict</c>; on the CPU unless
    /// <paramref name="device"/> is given.
    /// </summary>
    /// <param name="points">Row-major values, <see cref="Dimensions"/> per row, in the original units.</param>
    /// <param name="device">The device to compute on (the caller keeps it), or null for the CPU.</param>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty, not a whole number of rows, or not finite (the message names row and column).</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="device"/> was disposed.</exception>
    public int[] Predict(ReadOnlySpan<float> points, KMeansDevice? device = null) =>
        OnDevice(points, default, device, static (kmeans, centroids, x) => kmeans.Predict(centroids, x));

    /// <summary>Euclidean distance of every row to every centroid, row-major <c>n × k</c>, in the units the fit ran in (scikit-learn's <c>transform</c>).</summary>
    /// <param name="points">Row-major values, <see cref="Dimensions"/> per row, in the original units.</param>
    /// <param name="device">The device to compute on (the caller keeps it), or null for the CPU.</param>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty, not a whole number of rows, or not finite.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="device"/> was disposed.</exception>
    public float[] Transform(ReadOnlySpan<float> points, KMeansDevice? device = null) =>
        OnDevice(points, default, device, static (kmeans, centroids, x) => kmeans.Transform(centroids, x));

    /// <summary>Minus the (weighted) inertia of the points under the model, in the units the fit ran in: higher is better (scikit-learn's <c>score</c>).</summary>
    /// <param name="points">Row-major values, <see cref="Dimensions"/> per row, in the original units.</param>
    /// <param name="sampleWeights">One non-negative weight per row, or empty for all 1.</param>
    /// <param name="device">The device to compute on (the caller keeps it), or null for the CPU.</param>
    /// <exception cref="ArgumentException">Bad points or weights, as for Fit.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="device"/> was disposed.</exception>
    public double Score(ReadOnlySpan<float> points, ReadOnlySpan<float> sampleWeights = default, KMeansDevice? device = null)
    {
        // The weights cannot enter the lambda (a span): check and copy them once here.
        var weights = sampleWeights.ToArray();
        return OnDevice(points, weights, device, (kmeans, centroids, x) => kmeans.Score(centroids, x, weights));
    }

    /// <summary>
    /// Checks <paramref name="points"/> in the original units (so errors name the user's rows and values), scales
    /// them, and runs <paramref name="call"/> with an estimator on <paramref name="device"/> or on a CPU device made
    /// for this call.
    /// </summary>
    private T OnDevice<T>(ReadOnlySpan<float> points, float[]? weights, KMeansDevice? device, DeviceCall<T> call)
    {
        int n = PointData.CheckPoints(points, Dimensions, nameof(points));
        PointData.CheckWeights(weights, n, "sampleWeights");
        ReadOnlySpan<float> scaled = Scaling is null ? points : Scaling.Apply(points);
        using var ownDevice = device is null ? KMeansDevice.Create(KMeansBackend.Cpu) : null;
        using var kmeans = new KMeans(new KMeansOptions { ClusterCount = ClusterCount }, device ?? ownDevice!);
        return call(kmeans, _centroidsOnly, scaled);
    }
}
