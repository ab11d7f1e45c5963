using GpuKMeans.Data;
using GpuKMeans.Solver;

namespace GpuKMeans;

/// <summary>Fitting.</summary>
public sealed partial class KMeans
{
    /// <summary>
    /// Clusters row-major points (<paramref name="dimensions"/> values per row) into
    /// <see cref="KMeansOptions.ClusterCount"/> clusters and returns the best of
    /// <see cref="KMeansOptions.EffectiveInitCount"/> runs by inertia.
    /// </summary>
    /// <param name="points">Row-major <c>n × d</c> values; finite.</param>
    /// <param name="dimensions">Number of features <c>d</c> per row.</param>
    /// <param name="sampleWeights">One non-negative weight per row, or empty for all 1 (scikit-learn's <c>sample_weight</c>).</param>
    /// <param name="progress">Receives the statistics of every iteration as it finishes; when it also implements
    /// <see cref="IProgress{T}"/> of <see cref="KMeansSeedingProgress"/>, every k-means++ centre chosen as well.</param>
    /// <param name="cancellationToken">Checked before each run, each k-means++ centre and each iteration.</param>
    /// <exception cref="ArgumentException">Empty or ragged data, NaN/∞ (the message names row and column), bad weights,
    /// fewer rows than clusters, or initial centroids of the wrong shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The device was disposed.</exception>
    public KMeansResult Fit(
        ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> sampleWeights = default,
        IProgress<KMeansIterationStats>? progress = null, CancellationToken cancellationToken = default)
    {
        Device.ThrowIfDisposed();
        int n = PointData.CheckPoints(points, dimensions, nameof(points));
        PointData.CheckWeights(sampleWeights, n, nameof(sampleWeights));
        CheckFitShape(n, dimensions);
        var backend = Device.BackendFor(n, dimensions, Options.ClusterCount);
        using var input = FitInput.Upload(backend, points, dimensions, sampleWeights, Options.DeviceMemoryBudget);
        return KMeansSolver.Fit(Options, input, progress, cancellationToken);
    }

    /// <summary>Clusters the rows of <paramref name="points"/> (<c>[row, column]</c>); see the span overload.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentException">See the span overload.</exception>
    public KMeansResult Fit(
        float[,] points, ReadOnlySpan<float> sampleWeights = default,
        IProgress<KMeansIterationStats>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Fit(PointData.AsSpan(points), Math.Max(1, points.GetLength(1)), sampleWeights, progress, cancellationToken);
    }

    /// <summary>
    /// Clusters points already on the device (see <see cref="KMeansDevice.Upload"/>): no copy of the data. Fits on
    /// one dataset may run concurrently on several threads (one <see cref="KMeans"/> per thread, or one shared device).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="data"/> or the device was disposed.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> lives on another device, has fewer rows than clusters,
    /// or the initial centroids have the wrong shape.</exception>
    public KMeansResult Fit(KMeansDataset data, IProgress<KMeansIterationStats>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        Device.ThrowIfDisposed();
        var input = data.Input;
        if (!ReferenceEquals(data.Device, Device))
            throw new ArgumentException("data was uploaded to another device than this estimator's.", nameof(data));
        CheckFitShape(input.Count, input.Dimensions);
        return KMeansSolver.Fit(Options, input, progress, cancellationToken);
    }

    /// <summary>Fits and returns the labels of the fitted points (scikit-learn's <c>fit_predict</c>).</summary>
    /// <exception cref="ArgumentException">See <see cref="Fit(ReadOnlySpan{float}, int, ReadOnlySpan{float}, IProgress{KMeansIterationStats}, CancellationToken)"/>.</exception>
    public int[] FitPredict(ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> sampleWeights = default) =>
        [.. Fit(points, dimensions, sampleWeights).Labels];

    /// <summary>Fits and returns the labels of the fitted rows (scikit-learn's <c>fit_predict</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentException">See the span overload of Fit.</exception>
    public int[] FitPredict(float[,] points, ReadOnlySpan<float> sampleWeights = default) =>
        [.. Fit(points, sampleWeights).Labels];

    /// <summary>The default of <see cref="KMeansOptions.ClusterCount"/>, named in the message when it is too many for the data.</summary>
    private static readonly int DefaultClusterCount = new KMeansOptions().ClusterCount;

    private void CheckFitShape(int n, int dimensions)
    {
        int k = Options.ClusterCount;
        if (k > n)
            throw new ArgumentException(
                $"n_samples={n} should be >= n_clusters={k}: points has {n} rows, fewer than ClusterCount={k}"
                + (k == DefaultClusterCount ? $" (the default; set KMeansOptions.ClusterCount to at most {n})" : "")
                + ": k-means needs at least as many points as clusters.",
                "points");
        if (Options.EffectiveInit == KMeansInitMethod.Explicit)
        {
            var given = Options.InitialCentroids!;
            if (given.Length != k * dimensions)
                throw new ArgumentException(
                    $"InitialCentroids has {given.Length} values but ClusterCount × dimensions = {k} × {dimensions} = {k * dimensions}.",
                    nameof(KMeansOptions.InitialCentroids));
            PointData.CheckFinite(given, dimensions, nameof(KMeansOptions.InitialCentroids), "centroid");
        }
    }
}
