using GpuKMeans.Data;
using GpuKMeans.Solver;

namespace GpuKMeans;

/// <summary>Fitting, and using a fitted model on new points.</summary>
public sealed partial class MiniBatchKMeans
{
    /// <summary>
    /// Clusters row-major points (<paramref name="dimensions"/> values per row) into
    /// <see cref="MiniBatchKMeansOptions.ClusterCount"/> clusters by mini-batch steps (scikit-learn's <c>fit</c>).
    /// </summary>
    /// <param name="points">Row-major <c>n × d</c> values; finite.</param>
    /// <param name="dimensions">Number of features <c>d</c> per row.</param>
    /// <param name="sampleWeights">One non-negative weight per row, or empty for all 1 (scikit-learn's <c>sample_weight</c>).</param>
    /// <param name="progress">Receives the statistics of every step as it finishes: <see cref="KMeansIterationStats.Run"/> is the
    /// kept initialisation, <see cref="KMeansIterationStats.Iteration"/> the 1-based step, <see cref="KMeansIterationStats.Inertia"/>
    /// the weighted inertia of the step's batch before its update, <see cref="KMeansIterationStats.CentroidShift"/> the step's summed
    /// squared centroid shift, <see cref="KMeansIterationStats.LabelChangeCount"/> the batch's row count (every batch is new) and
    /// <see cref="KMeansIterationStats.RelocatedClusterCount"/> the centroids reassigned at random.</param>
    /// <param name="cancellationToken">Checked before each initialisation, each k-means++ centre and each step.</param>
    /// <exception cref="ArgumentException">Empty or ragged data, NaN/∞ (the message names row and column), bad weights,
    /// fewer rows than clusters, or initial centroids of the wrong shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The device was disposed.</exception>
    public KMeansResult Fit(
        ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> sampleWeights = default,
        IProgress<KMeansIterationStats>? progress = null, CancellationToken cancellationToken = default)
    {
        using var input = FitArguments.Upload(Device, points, dimensions, sampleWeights, Options.ClusterCount, Options.InitialCentroids);
        return MiniBatchSolver.Fit(Options, input, progress, cancellationToken);
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

    /// <summary>Clusters points already on the device (see <see cref="KMeansDevice.Upload(ReadOnlyMemory{float}, int, ReadOnlyMemory{float}, long?)"/>): no copy of the whole data.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="data"/> or the device was disposed.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> lives on another device, has fewer rows than clusters,
    /// or the initial centroids have the wrong shape.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public KMeansResult Fit(KMeansDataset data, IProgress<KMeansIterationStats>? progress = null, CancellationToken cancellationToken = default)
    {
        var input = FitArguments.Resident(Device, data, Options.ClusterCount, Options.InitialCentroids);
        return MiniBatchSolver.Fit(Options, input, progress, cancellationToken);
    }

    /// <summary>Fits and returns the labels of the fitted points (scikit-learn's <c>fit_predict</c>).</summary>
    /// <exception cref="ArgumentException">See <see cref="Fit(ReadOnlySpan{float}, int, ReadOnlySpan{float}, IProgress{KMeansIterationStats}, CancellationToken)"/>.</exception>
    public int[] FitPredict(ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> sampleWeights = default) =>
        [.. Fit(points, dimensions, sampleWeights).Labels];

    /// <summary>The nearest centroid of every row (lowest index on ties), as scikit-learn's <c>predict</c>; see <see cref="KMeans.Predict(KMeansResult, ReadOnlySpan{float})"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty, not a whole number of rows of the model's width, or not finite.</exception>
    public int[] Predict(KMeansResult model, ReadOnlySpan<float> points) => _predictor.Predict(model, points);

    /// <summary>Euclidean distance of every row to every centroid, row-major <c>n × k</c> (scikit-learn's <c>transform</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty, not a whole number of rows of the model's width, or not finite.</exception>
    public float[] Transform(KMeansResult model, ReadOnlySpan<float> points) => _predictor.Transform(model, points);

    /// <summary>Minus the (weighted) inertia of <paramref name="points"/> under the model (scikit-learn's <c>score</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">Bad points or weights, as for Fit.</exception>
    public double Score(KMeansResult model, ReadOnlySpan<float> points, ReadOnlySpan<float> sampleWeights = default) =>
        _predictor.Score(model, points, sampleWeights);
}
