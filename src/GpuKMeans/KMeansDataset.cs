using GpuKMeans.Backends;

namespace GpuKMeans;

/// <summary>
/// Points uploaded once to a device, for many fits (an elbow sweep over k, restarts with other options)
/// without copying the data again. Made by <see cref="KMeansDevice.Upload"/>; dispose it to free the
/// device memory. It keeps a reference to the caller's host arrays, which the solver reads for
/// initial centroids and empty-cluster relocation: do not change them while the dataset is in use.
/// </summary>
public sealed class KMeansDataset : IDisposable
{
    internal KMeansDataset(KMeansDevice device, ReadOnlyMemory<float> points, int dimensions, ReadOnlyMemory<float> sampleWeights, IDevicePoints resident)
    {
        Device = device;
        Points = points;
        Dimensions = dimensions;
        SampleWeights = sampleWeights;
        Resident = resident;
    }

    /// <summary>The device that holds the points.</summary>
    public KMeansDevice Device { get; }

    /// <summary>Number of points <c>n</c>.</summary>
    public int Count => Resident.Count;

    /// <summary>Number of features <c>d</c>.</summary>
    public int Dimensions { get; }

    internal ReadOnlyMemory<float> Points { get; }

    internal ReadOnlyMemory<float> SampleWeights { get; }

    internal IDevicePoints Resident { get; }

    /// <summary>Frees the device copy.</summary>
    public void Dispose() => Resident.Dispose();
}
