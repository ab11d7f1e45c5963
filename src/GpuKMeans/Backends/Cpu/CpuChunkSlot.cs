namespace GpuKMeans.Backends.Cpu;

/// <summary>A streaming slot on the CPU backend: host arrays reloaded in place, so the chunking is the GPU's and testable here.</summary>
internal sealed class CpuChunkSlot : IChunkSlot
{
    private readonly CpuResidentPoints _points;

    public CpuChunkSlot(CpuResidentPoints points)
    {
        _points = points;
        Workspace = points.CreateWorkspace(ownsPoints: true);
    }

    public int Rows => _points.Count;

    public IFitWorkspace Workspace { get; }

    public void Load(ReadOnlySpan<float> points, ReadOnlySpan<float> weights)
    {
        if (points.Length > (long)Rows * _points.Dimensions)
            throw new ArgumentException($"A chunk of {points.Length / _points.Dimensions} rows does not fit a slot of {Rows}.", nameof(points));
        _points.Points.Load(points, weights);
    }

    public void Dispose() => Workspace.Dispose();
}
