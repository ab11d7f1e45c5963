namespace GpuKMeans;

/// <summary>
/// Parameters of a mini-batch k-means fit (<see cref="MiniBatchKMeans"/>), with scikit-learn 1.2's
/// <c>MiniBatchKMeans</c> meaning and defaults. Immutable: derive variants with <c>with</c> expressions.
/// </summary>
public sealed record MiniBatchKMeansOptions
{
    /// <summary>Number of clusters <c>k</c> (scikit-learn's <c>n_clusters</c>). Default 8.</summary>
    public int ClusterCount { get; init; } = 8;

    /// <summary>How initial centroids are chosen, on a sample of <see cref="InitSize"/> rows (scikit-learn's <c>init</c>). Default k-means++.</summary>
    public KMeansInitMethod Init { get; init; } = KMeansInitMethod.KMeansPlusPlus;

    /// <summary>
    /// Row-major <c>ClusterCount × d</c> initial centroids; required when <see cref="Init"/> is
    /// <see cref="KMeansInitMethod.Explicit"/>, and setting it alone implies that method (then one init is made).
    /// </summary>
    public float[]? InitialCentroids { get; init; }

    /// <summary>
    /// Number of initialisations tried; the one with the lowest inertia on a validation sample of
    /// <see cref="InitSize"/> rows is kept and optimised (scikit-learn's <c>n_init</c>). <c>null</c> means 3
    /// (scikit-learn 1.2's default), or 1 with explicit centroids.
    /// </summary>
    public int? InitCount { get; init; }

    /// <summary>Rows drawn (with replacement) per step (scikit-learn's <c>batch_size</c>); at most <c>n</c> are used. Default 1024.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>
    /// Rows drawn for each initialisation and for the validation sample (scikit-learn's <c>init_size</c>).
    /// <c>null</c> means <c>3 · BatchSize</c>, raised to <c>3 · ClusterCount</c> when that is smaller than k; at most <c>n</c>.
    /// </summary>
    public int? InitSize { get; init; }

    /// <summary>
    /// Maximum passes over the data, counted in rows drawn (scikit-learn's <c>max_iter</c>): at most
    /// <c>⌊MaxIterations · n / BatchSize⌋</c> steps. Default 100.
    /// </summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// Stop when the summed squared centroid shift of one step is at most this times the mean per-feature
    /// variance (scikit-learn's <c>tol</c>). Default 0: off.
    /// </summary>
    public double Tolerance { get; init; }

    /// <summary>
    /// Stop after this many consecutive steps without a new minimum of the smoothed (exponentially weighted)
    /// batch inertia (scikit-learn's <c>max_no_improvement</c>); <c>null</c> turns this off. Default 10.
    /// </summary>
    public int? MaxNoImprovement { get; init; } = 10;

    /// <summary>
    /// A centroid whose accumulated weight is below this fraction of the largest is moved to a random row of the
    /// batch, checked every <c>10 · ClusterCount</c> rows drawn and whenever a centroid has no weight yet
    /// (scikit-learn's <c>reassignment_ratio</c>); 0 turns this off. Default 0.01.
    /// </summary>
    public double ReassignmentRatio { get; init; } = 0.01;

    /// <summary>Seed of the random choices (scikit-learn's <c>random_state</c>); <c>null</c> draws one.</summary>
    public int? Seed { get; init; }

    /// <summary>Backend used when <see cref="MiniBatchKMeans"/> creates its own device. Default <see cref="KMeansBackend.Auto"/>.</summary>
    public KMeansBackend Backend { get; init; } = KMeansBackend.Auto;

    /// <summary>The init method in force: <see cref="KMeansInitMethod.Explicit"/> whenever centroids are given.</summary>
    public KMeansInitMethod EffectiveInit => InitialCentroids is not null ? KMeansInitMethod.Explicit : Init;

    /// <summary>The number of initialisations that will be made: 1 with explicit centroids, else <see cref="InitCount"/> or 3.</summary>
    public int EffectiveInitCount => EffectiveInit == KMeansInitMethod.Explicit ? 1 : InitCount ?? 3;

    /// <summary>Rows per step for <paramref name="pointCount"/> points: <c>min(BatchSize, n)</c>.</summary>
    public int EffectiveBatchSize(int pointCount) => Math.Min(BatchSize, pointCount);

    /// <summary>Rows per initialisation sample for <paramref name="pointCount"/> points (see <see cref="InitSize"/>).</summary>
    public int EffectiveInitSize(int pointCount)
    {
        long size = InitSize ?? 3L * EffectiveBatchSize(pointCount);
        if (size < ClusterCount)
            size = 3L * ClusterCount;
        return (int)Math.Min(size, pointCount);
    }
}
