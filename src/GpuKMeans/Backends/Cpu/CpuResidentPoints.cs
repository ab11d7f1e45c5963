namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// Points held in host memory for the CPU backend: an aligned copy, norms and weights
/// (<see cref="CpuPoints"/>), never written after upload, so any number of fits may share them (a streaming
/// slot's points are the exception: its one workspace reloads them between steps).
/// </summary>
internal sealed class CpuResidentPoints : IResidentPoints
{
    private readonly CpuKernels _kernels;
    private readonly bool _fuseAccumulate;
    private volatile bool _disposed;

    public CpuResidentPoints(CpuKernels kernels, ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights, bool fuseAccumulate)
    {
        _kernels = kernels;
        _fuseAccumulate = fuseAccumulate;
        Points = new CpuPoints(points, dimensions, weights);
    }

    /// <summary>Room for <paramref name="rows"/> rows that <see cref="CpuPoints.Load(ReadOnlySpan{float}, ReadOnlySpan{float})"/> fills later (a streaming slot).</summary>
    public CpuResidentPoints(CpuKernels kernels, int rows, int dimensions, bool fuseAccumulate)
    {
        _kernels = kernels;
        _fuseAccumulate = fuseAccumulate;
        Points = new CpuPoints(rows, dimensions);
    }

    public int Count => Points.Count;

    public int Dimensions => Points.Dimensions;

    /// <summary>The vector path these points are processed with.</summary>
    public CpuSimdLevel Level => _kernels.Level;

    internal CpuPoints Points { get; }

    public IFitWorkspace CreateWorkspace(bool ownsPoints = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new CpuWorkspace(_kernels, this, _fuseAccumulate, ownsPoints);
    }

    /// <summary>The managed copy is freed by the garbage collector; disposing only forbids further use.</summary>
    public void Dispose() => _disposed = true;
}
