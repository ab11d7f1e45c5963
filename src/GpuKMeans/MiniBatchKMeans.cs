using GpuKMeans.Data;

namespace GpuKMeans;

/// <summary>
/// Mini-batch k-means with scikit-learn 1.2's <c>MiniBatchKMeans</c> semantics: each step assigns a random batch of
/// rows on the device and moves every centroid towards the mean of its batch rows with a per-centroid learning
/// rate (the inverse of the weight it has accumulated); rarely hit centroids are reassigned at random; the fit
/// stops on a smoothed batch inertia that stops improving, a small centroid shift, or a limit of passes. The
/// final labels and inertia are computed over all points. Results are <see cref="KMeansResult"/>s, so
/// <see cref="Predict(KMeansResult, ReadOnlySpan{float})"/>, <see cref="Transform(KMeansResult, ReadOnlySpan{float})"/>
/// and <see cref="KMeans"/>'s methods apply to them. Not thread-safe: use one instance per thread.
/// </summary>
public sealed partial class MiniBatchKMeans : IDisposable
{
    private readonly bool _ownsDevice;
    private readonly KMeans _predictor;

    /// <summary>Creates an estimator that opens, and later disposes, its own device (<see cref="MiniBatchKMeansOptions.Backend"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the parameter name is the option's.</exception>
    /// <exception cref="ArgumentException">Init is Explicit without InitialCentroids.</exception>
    /// <exception cref="NotSupportedException">The requested backend has no device here.</exception>
    public MiniBatchKMeans(MiniBatchKMeansOptions? options = null)
    {
        Options = options ?? new MiniBatchKMeansOptions();
        CheckOptions(Options);
        Device = KMeansDevice.Create(Options.Backend);
        _ownsDevice = true;
        _predictor = new KMeans(new KMeansOptions { ClusterCount = Options.ClusterCount }, Device);
    }

    /// <summary>Creates an estimator on a device the caller owns (and disposes).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="device"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the parameter name is the option's.</exception>
    /// <exception cref="ArgumentException">Init is Explicit without InitialCentroids.</exception>
    public MiniBatchKMeans(MiniBatchKMeansOptions options, KMeansDevice device)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(device);
        CheckOptions(options);
        Options = options;
        Device = device;
        _predictor = new KMeans(new KMeansOptions { ClusterCount = options.ClusterCount }, device);
    }

    /// <summary>The options every fit uses.</summary>
    public MiniBatchKMeansOptions Options { get; }

    /// <summary>The device computations run on.</summary>
    public KMeansDevice Device { get; }

    /// <summary>Disposes the device if this estimator created it.</summary>
    public void Dispose()
    {
        if (_ownsDevice)
            Device.Dispose();
    }

    private static void CheckOptions(MiniBatchKMeansOptions options)
    {
        OptionGuard.AtLeast(options.ClusterCount, 1, nameof(MiniBatchKMeansOptions.ClusterCount));
        OptionGuard.AtLeast(options.BatchSize, 1, nameof(MiniBatchKMeansOptions.BatchSize));
        OptionGuard.AtLeast(options.MaxIterations, 1, nameof(MiniBatchKMeansOptions.MaxIterations));
        OptionGuard.AtLeast(options.InitCount, 1, nameof(MiniBatchKMeansOptions.InitCount), " (or null for 3)");
        OptionGuard.AtLeast(options.InitSize, 1, nameof(MiniBatchKMeansOptions.InitSize), " (or null for 3 × BatchSize)");
        OptionGuard.AtLeast(options.MaxNoImprovement, 0, nameof(MiniBatchKMeansOptions.MaxNoImprovement), " (or null for no limit)");
        OptionGuard.FiniteNonNegative(options.Tolerance, nameof(MiniBatchKMeansOptions.Tolerance));
        OptionGuard.FiniteNonNegative(options.ReassignmentRatio, nameof(MiniBatchKMeansOptions.ReassignmentRatio));
        if (options.Init == KMeansInitMethod.Explicit && options.InitialCentroids is null)
            throw new ArgumentException(
                "Init is Explicit but InitialCentroids is null: give the k × d starting centroids.",
                nameof(MiniBatchKMeansOptions.InitialCentroids));
        OptionGuard.Defined(options.Init, nameof(MiniBatchKMeansOptions.Init));
        OptionGuard.Defined(options.Backend, nameof(MiniBatchKMeansOptions.Backend));
    }
}
