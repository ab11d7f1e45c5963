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
        using var input = FitArguments.Upload(Device, points, dimensions, sampleWeights, Options.ClusterCount, ExplicitCentroids, Options.DeviceMemoryBudget);
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
    /// Clusters points already on the device (see <see cref="KMeansDevice.Upload(ReadOnlyMemory{float}, int, ReadOnlyMemory{float}, long?)"/>): no copy of the data. Fits on
    /// one dataset may run concurrently on several threads (one <see cref="KMeans"/> per thread, or one shared device).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="data"/> or the device was disposed.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> lives on another device, has fewer rows than clusters,
    /// or the initial centroids have the wrong shape.</exception>
    public KMeansResult Fit(KMeansDataset data, IProgress<KMeansIterationStats>? progress = null, CancellationToken cancellationToken = default)
    {
        var input = FitArguments.Resident(Device, data, Options.ClusterCount, ExplicitCentroids);
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

    /// <summary>The initial centroids the fit starts from when they are given (checked against the data's shape).</summary>
    private float[]? ExplicitCentroids => Options.EffectiveInit == KMeansInitMethod.Explicit ? Options.InitialCentroids : null;
}
