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
    /// centroids, 10 for random rows, 1 for k-means‖.
    /// </summary>
    public int? InitCount { get; init; }

    /// <summary>
    /// k-means‖'s oversampling factor ℓ: the expected number of candidates each round adds (Spark MLlib uses 2k).
    /// Used when <see cref="Init"/> is <see cref="KMeansInitMethod.KMeansParallel"/>. <c>null</c> means
    /// <c>2 × ClusterCount</c>; otherwise finite and positive.
    /// </summary>
    public double? ParallelInitOversampling { get; init; }

    /// <summary>
    /// k-means‖'s number of sampling rounds, each one pass over the data (Spark MLlib's <c>initSteps</c>). Used when
    /// <see cref="Init"/> is <see cref="KMeansInitMethod.KMeansParallel"/>. Default 5; at least 1.
    /// </summary>
    public int ParallelInitRounds { get; init; } = 5;

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
    /// Bytes of device memory the points (with their norms and weights: <c>n·(d + 2)·4</c>) may fill before a fit streams
    /// them: beyond it, every pass copies the points to the device in chunks (two device buffers, the copy of the next
    /// chunk overlapping the work on this one on ILGPU) and the per-point state stays on the host. The result equals
    /// the resident one within rounding (partial sums are added in another order) and is bit-identical run to run for a
    /// given budget. <c>null</c> (default): the device's free memory less a margin (CPU backend: half the memory the
    /// runtime may use). CLI: <c>--device-memory MB</c>.
    /// </summary>
    public long? DeviceMemoryBudget { get; init; }

    /// <summary>
    /// How each iteration finds the nearest centroids (scikit-learn's <c>algorithm</c>): all distances, or
    /// exact pruning by Elkan's or Yinyang's bounds on the CPU backend. Default <see cref="KMeansAlgorithm.Auto"/>.
    /// </summary>
    public KMeansAlgorithm Algorithm { get; init; } = KMeansAlgorithm.Auto;

    /// <summary>The number of runs that will be made: <see cref="InitCount"/> or its "auto" value.</summary>
    public int EffectiveInitCount => InitCount ?? (EffectiveInit == KMeansInitMethod.RandomRows ? 10 : 1);

    /// <summary>The oversampling factor ℓ in force: <see cref="ParallelInitOversampling"/> or its default, <c>2 × ClusterCount</c>.</summary>
    public double EffectiveParallelInitOversampling => ParallelInitOversampling ?? 2.0 * ClusterCount;

    /// <summary>The init method in force: <see cref="KMeansInitMethod.Explicit"/> whenever centroids are given.</summary>
    public KMeansInitMethod EffectiveInit => InitialCentroids is not null ? KMeansInitMethod.Explicit : Init;

    /// <summary>Checks a memory budget given to an upload.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The budget is not positive.</exception>
    internal static void CheckBudget(long? budget, string parameter)
    {
        if (budget is <= 0)
            throw new ArgumentOutOfRangeException(parameter, budget, $"{parameter} must be a positive number of bytes, got {budget}.");
    }
}
