using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>
/// Points, their squared norms and weights in an accelerator's memory. Written once at upload and only read
/// afterwards, so any number of fits (each with its own <see cref="IlgpuWorkspace"/> and stream) may share them.
/// </summary>
internal sealed class IlgpuResidentPoints : IResidentPoints
{
    private readonly Accelerator _accelerator;
    private readonly IlgpuKernelSet _kernels;
    private volatile bool _disposed;

    public IlgpuResidentPoints(Accelerator accelerator, IlgpuKernelSet kernels, ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights)
    {
        _accelerator = accelerator;
        _kernels = kernels;
        Dimensions = dimensions;
        Count = points.Length / dimensions;
        var stream = accelerator.DefaultStream;
        try
        {
            Points = accelerator.Allocate1D<float>(points.Length);
            Points.View.CopyFromCPU(stream, points);
            Norms = accelerator.Allocate1D<float>(Count);
            _kernels.RowNorms(stream, Count, Points.View, Norms.View, dimensions);
            Weights = accelerator.Allocate1D<float>(Count);
            if (weights.IsEmpty)
                Weights.View.CopyFromCPU(stream, Ones(Count));
            else
                Weights.View.CopyFromCPU(stream, weights);
            stream.Synchronize();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Room for <paramref name="rows"/> rows on the device, filled later by a streaming slot (<see cref="IlgpuChunkSlot"/>).</summary>
    public IlgpuResidentPoints(Accelerator accelerator, IlgpuKernelSet kernels, int rows, int dimensions)
    {
        _accelerator = accelerator;
        _kernels = kernels;
        Dimensions = dimensions;
        Count = rows;
        try
        {
            Points = accelerator.Allocate1D<float>((long)rows * dimensions);
            Norms = accelerator.Allocate1D<float>(rows);
            Weights = accelerator.Allocate1D<float>(rows);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>Row-major <c>n × d</c>.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Points { get; } = null!;

    /// <summary><c>‖xᵢ‖²</c>.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Norms { get; } = null!;

    /// <summary><c>wᵢ</c> (1 where no weights were given).</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Weights { get; } = null!;

    public IFitWorkspace CreateWorkspace(bool ownsPoints = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new IlgpuWorkspace(_accelerator, _kernels, this, ownsPoints);
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Points?.Dispose();
        Norms?.Dispose();
        Weights?.Dispose();
    }

    private static float[] Ones(int count)
    {
        var ones = new float[count];
        Array.Fill(ones, 1f);
        return ones;
    }
}
