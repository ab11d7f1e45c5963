using GpuKMeans.Solver;

namespace GpuKMeans;

/// <summary>
/// Points uploaded once to a device, for many fits (an elbow sweep over k, restarts with other options)
/// without copying the data again. Made by <see cref="KMeansDevice.Upload(ReadOnlyMemory{float}, int, ReadOnlyMemory{float}, long?)"/>. Immutable and thread-safe:
/// fits on several threads may share one dataset, and each gives the bits a single-threaded fit gives.
/// The dataset keeps its own copy, never the caller's arrays. Dispose it to free the device memory; after
/// that, fitting or scoring on it throws <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class KMeansDataset : IDisposable
{
    private readonly FitInput _input;
    private volatile bool _disposed;

    internal KMeansDataset(KMeansDevice device, FitInput input)
    {
        Device = device;
        _input = input;
    }

    /// <summary>The device that holds the points.</summary>
    public KMeansDevice Device { get; }

    /// <summary>Number of points <c>n</c>.</summary>
    public int Count => _input.Count;

    /// <summary>Number of features <c>d</c>.</summary>
    public int Dimensions => _input.Dimensions;

    /// <summary>Whether a fit streams the points through the device in chunks (they exceeded its memory budget), on any of its devices.</summary>
    public bool IsStreamed => IsStreamedOn(_input.Resident);

    /// <summary>
    /// The partial statistics of these points for <paramref name="centroids"/> (row-major <c>k × d</c>, in the data's units):
    /// each point's nearest centroid (lowest index on ties), then per-cluster weighted sums and weights and the inertia.
    /// Stateless and thread-safe; what a worker of a distributed fit answers (see <see cref="KMeansPartialStatistics"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="centroids"/> is empty, not <c>k × d</c>, or not finite.</exception>
    /// <exception cref="ObjectDisposedException">This dataset was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public KMeansPartialStatistics ComputePartialStatistics(ReadOnlySpan<float> centroids, CancellationToken cancellationToken = default)
    {
        var input = Input;
        int d = input.Dimensions;
        if (centroids.IsEmpty || centroids.Length % d != 0)
            throw new ArgumentException($"centroids has {centroids.Length} values, not a positive whole number of rows of d={d}.", nameof(centroids));
        Data.PointData.CheckFinite(centroids, d, nameof(centroids), "centroid");
        int k = centroids.Length / d;
        var conditioning = input.Conditioning;
        using var workspace = input.Resident.CreateWorkspace();
        workspace.SetCentroids(conditioning.IsNone ? centroids : conditioning.Apply(centroids, d), k);
        var statistics = workspace.AssignAndReduce(cancellationToken);
        if (!conditioning.IsNone)
        {
            // Back to the data's units: Σw·x = 2^−e·Σw·x′ + offset·Σw.
            var sums = statistics.Sums;
            for (int c = 0; c < k; c++)
                for (int j = 0; j < d; j++)
                    sums[c * d + j] = Math.ScaleB(sums[c * d + j], -conditioning.Exponent) + (conditioning.Offset?[j] ?? 0) * statistics.Weights[c];
            statistics = statistics with { Inertia = conditioning.RestoreSquared(statistics.Inertia) };
        }
        return KMeansPartialStatistics.FromInternal(statistics, d, input.Count);
    }

    private static bool IsStreamedOn(Backends.IResidentPoints points) => points switch
    {
        Backends.Streaming.StreamedResidentPoints => true,
        Backends.Sharding.ShardedResidentPoints sharded => sharded.Parts.Any(IsStreamedOn),
        _ => false,
    };

    /// <summary>The uploaded data, for a fit.</summary>
    /// <exception cref="ObjectDisposedException">This dataset was disposed.</exception>
    internal FitInput Input
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _input;
        }
    }

    /// <summary>Frees the device copy. Fits already running on other threads must have finished.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _input.Dispose();
    }
}
