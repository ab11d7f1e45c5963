namespace GpuKMeans.Backends;

/// <summary>
/// The state of one fit over resident points: its centroids, labels, distances and partial sums, and the
/// operations each algorithm asks of a device. Made by <see cref="IResidentPoints.CreateWorkspace"/>, owned
/// by one fit, not shared between threads. Every operation is deterministic: the same inputs give
/// bit-identical outputs, whatever the thread timing.
/// </summary>
internal interface IFitWorkspace : ILloydStep, ISeedingOperations, IPairwiseOperations, IDisposable
{
    /// <summary>Copies rows <paramref name="rows"/> of the points, in that order, into <paramref name="destination"/> (row-major).</summary>
    void CopyRows(ReadOnlySpan<int> rows, Span<float> destination);

    /// <summary>
    /// Makes this workspace's device current on the calling thread. A caller that drives several devices from
    /// worker threads calls it first on each (ILGPU needs it with several CUDA accelerators); a no-op elsewhere.
    /// </summary>
    void BindCurrentThread()
    {
    }
}
