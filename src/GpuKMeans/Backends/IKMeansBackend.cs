namespace GpuKMeans.Backends;

/// <summary>
/// A compute device as the solver sees it: it makes points resident. Everything a fit does with them goes
/// through a per-fit <see cref="IFitWorkspace"/> made by <see cref="IResidentPoints.CreateWorkspace"/>.
/// </summary>
internal interface IKMeansBackend : IDisposable
{
    /// <summary>The backend kind actually in use (never <see cref="KMeansBackend.Auto"/>).</summary>
    KMeansBackend Kind { get; }

    /// <summary>Short backend name for reports: "CUDA", "OpenCL", "CPU".</summary>
    string Name { get; }

    /// <summary>The device's own name.</summary>
    string DeviceName { get; }

    /// <summary>
    /// Copies <paramref name="points"/> (row-major, <paramref name="dimensions"/> columns) and their
    /// weights (empty = all 1) to the device. The copy is read-only from then on.
    /// </summary>
    IResidentPoints Upload(ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights);

    /// <summary>
    /// The same from a source read chunk by chunk (a file): by default read whole into one array first; a backend whose
    /// resident copy is host memory fills it chunk by chunk instead, so the points are held once, not twice.
    /// </summary>
    IResidentPoints Upload(Data.IPointSource source, ReadOnlySpan<float> weights) =>
        Upload(Data.PointChunks.ReadAll(source), source.Dimensions, weights);

    /// <summary>
    /// Bytes of device memory a fit may fill with points before it streams them (the free memory less a margin for
    /// the work buffers); the default of <see cref="KMeansOptions.DeviceMemoryBudget"/>.
    /// </summary>
    long DefaultMemoryBudget { get; }

    /// <summary>Device memory for <paramref name="rows"/> rows whose points are loaded chunk after chunk (streaming).</summary>
    IChunkSlot CreateChunkSlot(int rows, int dimensions);
}
