namespace GpuKMeans;

/// <summary>
/// Parameters of a k-means fit, with scikit-learn's meaning and defaults. Immutable: derive variants
/// with <c>with</c> expressions.
/// </summary>
public sealed record KMeansOptions
{
    /// <summary>Number of clusters <c>k</c> (scikit-learn's <c>n_clusters</c>). Default 8.</summary>
    public int ClusterCount { get; init; } = 8;

    /// <summary>How initial centroids are chosen (scikit-learn's <c>init</c>). Default k-means++.</summary>
    public KMeansInitMethod Init { get; init; } = KMeansInitMethod.KMeansPlusPlus;

    /// <summary>
    /// Row-major <c>ClusterCount × d</c> initial centroids; required when <see cref="Init"/> is
    /// <see cref="KMeansInitMethod.Explicit"/>, and setting it alone implies that method.
    /// </summary>
    public float[]? InitialCentroids { get; init; }

    /// <summary>
    /// Number of runs from different initial centroids; the run with the lowest inertia is kept
    /// (scikit-learn's <c>n_init</c>). <c>null</c> means "auto": 1 for k-means++ and explicit
    /// centroids, 10 for random rows.
    /// </summary>
    public int? InitCount { get; init; }

    /// <summary>Maximum Lloyd iterations of one run (scikit-learn's <c>max_iter</c>). Default 300.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>
    /// Convergence tolerance on the summed squared centroid shift, relative to the mean per-feature
    /// variance of the data (scikit-learn's <c>tol</c>). Default 1e-4; 0 stops only when labels stop changing.
    /// </summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Seed of the random choices (scikit-learn's <c>random_state</c>); <c>null</c> draws one.</summary>
    public int? Seed { get; init; }

    /// <summary>Backend used when <see cref="KMeans"/> creates its own device. Default <see cref="KMeansBackend.Auto"/>.</summary>
    public KMeansBackend Backend { get; init; } = KMeansBackend.Auto;

    /// <summary>
    /// Record the centroids and labels of every iteration of the kept run in
    /// <see cref="KMeansResult.History"/> (costs <c>n</c> labels per iteration). Default false.
    /// </summary>
    public bool RecordHistory { get; init; }

    /// <summary>
    /// How each iteration finds the nearest centroids (scikit-learn's <c>algorithm</c>): all distances, or
    /// exact pruning by Elkan's or Yinyang's bounds on the CPU backend. Default <see cref="KMeansAlgorithm.Auto"/>.
    /// </summary>
    public KMeansAlgorithm Algorithm { get; init; } = KMeansAlgorithm.Auto;

    /// <summary>The number of runs that will be made: <see cref="InitCount"/> or its "auto" value.</summary>
    public int EffectiveInitCount => InitCount ?? (EffectiveInit == KMeansInitMethod.RandomRows ? 10 : 1);

    /// <summary>The init method in force: <see cref="KMeansInitMethod.Explicit"/> whenever centroids are given.</summary>
    public KMeansInitMethod EffectiveInit => InitialCentroids is not null ? KMeansInitMethod.Explicit : Init;
}
