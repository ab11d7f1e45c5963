using GpuKMeans.Backends;
using GpuKMeans.Solver;

namespace GpuKMeans;

/// <summary>
/// What one Lloyd iteration needs from a set of points, for given centroids: per cluster, the weighted coordinate sums
/// <c>Σ wᵢ·xᵢ</c> and the total weight of the points nearest to it, with the inertia and the number of points. Statistics
/// of disjoint sets (shards on several devices or machines) <see cref="Merge"/> into those of their union; merged in a
/// fixed order they give the same bits on every run. <see cref="Finish"/> turns them into the next centroids. This is the
/// whole contract of a distributed k-means: a worker answers <see cref="KMeansDataset.ComputePartialStatistics"/> for its
/// rows, a coordinator merges and finishes.
/// </summary>
public sealed class KMeansPartialStatistics
{
    private readonly double[] _sums;
    private readonly double[] _weights;

    private KMeansPartialStatistics(int dimensions, long pointCount, double[] sums, double[] weights, double inertia)
    {
        Dimensions = dimensions;
        PointCount = pointCount;
        _sums = sums;
        _weights = weights;
        Inertia = inertia;
    }

    /// <summary>Number of clusters <c>k</c>.</summary>
    public int ClusterCount => _weights.Length;

    /// <summary>Number of features <c>d</c>.</summary>
    public int Dimensions { get; }

    /// <summary>Number of points these statistics cover.</summary>
    public long PointCount { get; }

    /// <summary>Row-major <c>k × d</c> weighted coordinate sums, in the data's units.</summary>
    public ReadOnlySpan<double> Sums => _sums;

    /// <summary>Total sample weight per cluster (its size when unweighted).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary><c>Σ wᵢ · ‖xᵢ − c_label(i)‖²</c>, from the expanded form (as the Lloyd loop's per-iteration inertia).</summary>
    public double Inertia { get; }

    /// <summary>Statistics received from elsewhere (a worker's answer after deserialisation).</summary>
    /// <exception cref="ArgumentException">The arrays do not have the shape <c>k × d</c> and <c>k</c>, or a value is not finite, or a weight is negative.</exception>
    public static KMeansPartialStatistics Create(int dimensions, long pointCount, double[] sums, double[] weights, double inertia)
    {
        ArgumentNullException.ThrowIfNull(sums);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentOutOfRangeException.ThrowIfNegative(pointCount);
        if (weights.Length == 0 || sums.Length != (long)weights.Length * dimensions)
            throw new ArgumentException(
                $"sums has {sums.Length} values but weights has {weights.Length} clusters × dimensions={dimensions}.", nameof(sums));
        if (Array.FindIndex(sums, v => !double.IsFinite(v)) is int badSum and >= 0)
            throw new ArgumentException($"sums[{badSum}] is {sums[badSum]}: statistics must be finite.", nameof(sums));
        if (Array.FindIndex(weights, w => !(w >= 0) || double.IsInfinity(w)) is int badWeight and >= 0)
            throw new ArgumentException($"weights[{badWeight}] is {weights[badWeight]}: weights must be finite and non-negative.", nameof(weights));
        if (!(inertia >= 0) || double.IsInfinity(inertia))
            throw new ArgumentOutOfRangeException(nameof(inertia), inertia, "inertia must be finite and non-negative.");
        return new KMeansPartialStatistics(dimensions, pointCount, (double[])sums.Clone(), (double[])weights.Clone(), inertia);
    }

    internal static KMeansPartialStatistics FromInternal(PartialStatistics statistics, int dimensions, long pointCount) =>
        new(dimensions, pointCount, statistics.Sums, statistics.Weights, statistics.Inertia);

    /// <summary>The statistics of the union of these points and <paramref name="other"/>'s (disjoint): element-wise sums, this first.</summary>
    /// <exception cref="ArgumentException">The two have different k or d.</exception>
    public KMeansPartialStatistics Merge(KMeansPartialStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Dimensions != Dimensions || other.ClusterCount != ClusterCount)
            throw new ArgumentException(
                $"Cannot merge statistics of k={other.ClusterCount}, d={other.Dimensions} into k={ClusterCount}, d={Dimensions}.", nameof(other));
        var merged = new PartialStatistics(_sums, _weights, Inertia, 0).Merge(new PartialStatistics(other._sums, other._weights, other.Inertia, 0));
        return new KMeansPartialStatistics(Dimensions, PointCount + other.PointCount, merged.Sums, merged.Weights, merged.Inertia);
    }

    /// <summary>Merges <paramref name="parts"/> left to right (the fixed order that makes a distributed fit reproducible).</summary>
    /// <exception cref="ArgumentException"><paramref name="parts"/> is empty or mixes shapes.</exception>
    public static KMeansPartialStatistics MergeInOrder(IEnumerable<KMeansPartialStatistics> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        KMeansPartialStatistics? total = null;
        foreach (var part in parts)
            total = total is null ? part : total.Merge(part);
        return total ?? throw new ArgumentException("parts is empty: merge at least one set of statistics.", nameof(parts));
    }

    /// <summary>
    /// Ends the iteration: each cluster's new centroid is its weighted mean; a cluster with no weight keeps its previous
    /// centroid and is listed in <see cref="KMeansCentroidUpdate.EmptyClusters"/> (scikit-learn moves such a cluster to a
    /// point far from its centroid; a coordinator can ask its workers for one).
    /// </summary>
    /// <param name="previousCentroids">The row-major <c>k × d</c> centroids these statistics were computed for.</param>
    /// <exception cref="ArgumentException"><paramref name="previousCentroids"/> is not <c>k × d</c>.</exception>
    public KMeansCentroidUpdate Finish(ReadOnlySpan<float> previousCentroids)
    {
        if (previousCentroids.Length != _sums.Length)
            throw new ArgumentException(
                $"previousCentroids has {previousCentroids.Length} values but k × d = {ClusterCount} × {Dimensions} = {_sums.Length}.",
                nameof(previousCentroids));
        var next = new float[_sums.Length];
        CentroidUpdate.MeansOrPrevious(_sums, _weights, previousCentroids, Dimensions, next);
        var empty = new List<int>();
        for (int c = 0; c < ClusterCount; c++)
            if (!(_weights[c] > 0))
                empty.Add(c);
        return new KMeansCentroidUpdate(next, CentroidUpdate.SquaredShift(previousCentroids, next), [.. empty]);
    }
}

/// <summary>The end of one iteration: the next centroids, how far they moved, and the clusters that received no point.</summary>
/// <param name="Centroids">Row-major <c>k × d</c>.</param>
/// <param name="SquaredShift">Σ over clusters of the squared distance each centroid moved (compare with the tolerance).</param>
/// <param name="EmptyClusters">Clusters with no weight, which kept their previous centroid.</param>
public sealed record KMeansCentroidUpdate(float[] Centroids, double SquaredShift, int[] EmptyClusters);
