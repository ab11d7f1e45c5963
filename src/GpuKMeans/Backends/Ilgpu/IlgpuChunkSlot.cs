using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>
/// A streaming slot on an ILGPU accelerator: points, norms and weights for a fixed number of rows, refilled from
/// page-locked host buffers on a copy stream of its own, so that a fit can load the next chunk into one slot
/// while its kernels run on another slot's chunk (ILGPU's <c>CopyFromPageLockedAsync</c>).
/// </summary>
internal sealed class IlgpuChunkSlot : IChunkSlot
{
    private readonly Accelerator _accelerator;
    private readonly IlgpuKernelSet _kernels;
    private readonly IlgpuResidentPoints _points;
    private readonly PageLockedArray1D<float> _stagedPoints;
    private readonly PageLockedArray1D<float> _stagedWeights;
    private readonly AcceleratorStream _copyStream;

    public IlgpuChunkSlot(Accelerator accelerator, IlgpuKernelSet kernels, int rows, int dimensions)
    {
        _accelerator = accelerator;
        _kernels = kernels;
        _points = new IlgpuResidentPoints(accelerator, kernels, rows, dimensions);
        try
        {
            _stagedPoints = accelerator.AllocatePageLocked1D<float>((long)rows * dimensions);
            _stagedWeights = accelerator.AllocatePageLocked1D<float>(rows);
            _copyStream = accelerator.CreateStream();
            Workspace = _points.CreateWorkspace(ownsPoints: true);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Rows => _points.Count;

    public IFitWorkspace Workspace { get; } = null!;

    public void Load(ReadOnlySpan<float> points, ReadOnlySpan<float> weights)
    {
        int d = _points.Dimensions;
        int rows = points.Length / d;
        if (rows > Rows)
            throw new ArgumentException($"A chunk of {rows} rows does not fit a slot of {Rows}.", nameof(points));
        _accelerator.Bind();
        var staged = _stagedPoints.Span;
        points.CopyTo(staged);
        staged[points.Length..].Clear();
        var stagedWeights = _stagedWeights.Span;
        if (weights.IsEmpty)
            stagedWeights[..rows].Fill(1f);
        else
            weights.CopyTo(stagedWeights);
        stagedWeights[rows..].Clear();

        _points.Points.View.CopyFromPageLockedAsync(_copyStream, _stagedPoints);
        _points.Weights.View.CopyFromPageLockedAsync(_copyStream, _stagedWeights);
        _kernels.RowNorms(_copyStream, Rows, _points.Points.View, _points.Norms.View, d);
        _copyStream.Synchronize();
    }

    public void Dispose()
    {
        Workspace?.Dispose();
        _copyStream?.Dispose();
        _stagedPoints?.Dispose();
        _stagedWeights?.Dispose();
        _points.Dispose();
    }
}
