using GpuKMeans.Solver;

namespace GpuKMeans;

/// <summary>
/// Points uploaded once to a device, for many fits (an elbow sweep over k, restarts with other options)
/// without copying the data again. Made by <see cref="KMeansDevice.Upload"/>. Immutable and thread-safe:
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
