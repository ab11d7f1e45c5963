using GpuKMeans.Data;

namespace GpuKMeans;

/// <summary>
/// k-means clustering on a GPU (or the CPU), with scikit-learn's semantics. Create one per device and
/// reuse it: <see cref="Fit(ReadOnlySpan{float}, int, ReadOnlySpan{float}, IProgress{KMeansIterationStats}, CancellationToken)"/>
/// returns an immutable <see cref="KMeansResult"/>, which <see cref="Predict(KMeansResult, ReadOnlySpan{float})"/>,
/// <see cref="Transform(KMeansResult, ReadOnlySpan{float})"/> and <see cref="Score(KMeansResult, ReadOnlySpan{float}, ReadOnlySpan{float})"/>
/// apply to new points. Not thread-safe: use one instance per thread.
/// </summary>
public sealed partial class KMeans : IDisposable
{
    private readonly bool _ownsDevice;

    /// <summary>Creates a k-means estimator that opens, and later disposes, its own device (<see cref="KMeansOptions.Backend"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the parameter name is the option's.</exception>
    /// <exception cref="NotSupportedException">The requested backend has no device here.</exception>
    public KMeans(KMeansOptions? options = null)
    {
        Options = options ?? new KMeansOptions();
        CheckOptions(Options);
        Device = KMeansDevice.Create(Options.Backend);
        _ownsDevice = true;
    }

    /// <summary>Creates a k-means estimator on a device the caller owns (and disposes).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="device"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the parameter name is the option's.</exception>
    public KMeans(KMeansOptions options, KMeansDevice device)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(device);
        CheckOptions(options);
        Options = options;
        Device = device;
    }

    /// <summary>The options every fit uses.</summary>
    public KMeansOptions Options { get; }

    /// <summary>The device computations run on.</summary>
    public KMeansDevice Device { get; }

    /// <summary>Disposes the device if this estimator created it.</summary>
    public void Dispose()
    {
        if (_ownsDevice)
            Device.Dispose();
    }

    /// <summary>Checks the options every fit needs (also for fits run elsewhere, such as on a cluster).</summary>
    internal static void CheckOptions(KMeansOptions options)
    {
        if (options.ClusterCount < 1)
            throw new ArgumentOutOfRangeException(nameof(KMeansOptions.ClusterCount), options.ClusterCount,
                $"ClusterCount must be at least 1, got {options.ClusterCount}.");
        if (options.MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(KMeansOptions.MaxIterations), options.MaxIterations,
                $"MaxIterations must be at least 1, got {options.MaxIterations}.");
        if (options.InitCount is < 1)
            throw new ArgumentOutOfRangeException(nameof(KMeansOptions.InitCount), options.InitCount,
                $"InitCount must be at least 1 (or null for auto), got {options.InitCount}.");
        if (!(options.Tolerance >= 0) || double.IsInfinity(options.Tolerance))
            throw new ArgumentOutOfRangeException(nameof(KMeansOptions.Tolerance), options.Tolerance,
                $"Tolerance must be finite and non-negative, got {options.Tolerance}.");
        if (options.ParallelInitOversampling is { } oversampling && !(oversampling > 0 && double.IsFinite(oversampling)))
            throw new ArgumentOutOfRangeException(nameof(KMeansOptions.ParallelInitOversampling), oversampling,
                $"ParallelInitOversampling must be finite and positive (or null for 2 × ClusterCount), got {oversampling}.");
        if (options.ParallelInitRounds < 1)
            throw new ArgumentOutOfRangeException(nameof(KMeansOptions.ParallelInitRounds), options.ParallelInitRounds,
                $"ParallelInitRounds must be at least 1, got {options.ParallelInitRounds}.");
        if (options.Init == KMeansInitMethod.Explicit && options.InitialCentroids is null)
            throw new ArgumentException(
                "Init is Explicit but InitialCentroids is null: give the k × d starting centroids.",
                nameof(KMeansOptions.InitialCentroids));
        if (!Enum.IsDefined(options.Init))
            throw new ArgumentOutOfRangeException(nameof(KMeansOptions.Init), options.Init, "Unknown init method.");
        if (!Enum.IsDefined(options.Backend))
            throw new ArgumentOutOfRangeException(nameof(KMeansOptions.Backend), options.Backend, "Unknown backend.");
        KMeansOptions.CheckBudget(options.DeviceMemoryBudget, nameof(KMeansOptions.DeviceMemoryBudget));
    }
}
