using GpuKMeans.Backends.Ilgpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>Device buffers of the centroid reduction, sized for one <see cref="ReductionShape"/>.</summary>
internal sealed class ReductionBuffers
{
    public ReductionBuffers(Accelerator accelerator, ReductionShape shape)
    {
        BlockCount = shape.BlockCount;
        ClusterCount = shape.ClusterCount;
        Dimensions = shape.Dimensions;
        PartialSums = accelerator.Allocate1D<double>((long)shape.BlockCount * shape.ClusterCount * shape.Dimensions);
        PartialWeights = accelerator.Allocate1D<double>((long)shape.BlockCount * shape.ClusterCount);
        PartialInertia = accelerator.Allocate1D<double>(shape.BlockCount);
        PartialChanges = accelerator.Allocate1D<int>(shape.BlockCount);
        Output = accelerator.Allocate1D<double>(shape.OutputLength);
    }

    public int BlockCount { get; }
    public int ClusterCount { get; }
    public int Dimensions { get; }
    public MemoryBuffer1D<double, Stride1D.Dense> PartialSums { get; }
    public MemoryBuffer1D<double, Stride1D.Dense> PartialWeights { get; }
    public MemoryBuffer1D<double, Stride1D.Dense> PartialInertia { get; }
    public MemoryBuffer1D<int, Stride1D.Dense> PartialChanges { get; }
    public MemoryBuffer1D<double, Stride1D.Dense> Output { get; }

    public IEnumerable<MemoryBuffer> All => [PartialSums, PartialWeights, PartialInertia, PartialChanges, Output];

    /// <summary>Whether these buffers hold exactly the layout <paramref name="shape"/> needs.</summary>
    public bool Fits(ReductionShape shape) =>
        shape.BlockCount == BlockCount && shape.ClusterCount == ClusterCount && shape.Dimensions == Dimensions;
}
