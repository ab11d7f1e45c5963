using GpuKMeans.Backends.Ilgpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>
/// Every kernel for one accelerator, compiled once from <see cref="IlgpuKernelCatalog"/>'s entries and kept as
/// stream-first launchers; launching a delegate costs no compile. Explicitly grouped kernels come in the tile
/// configuration of the accelerator's type.
/// </summary>
internal sealed class IlgpuKernelSet
{
    private readonly Accelerator _accelerator;

    public IlgpuKernelSet(Accelerator accelerator)
    {
        _accelerator = accelerator;
        RowNorms = Load<Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, int>>(IlgpuKernelCatalog.RowNorms);
        ExactInertia = Load<Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>,
            ArrayView<double>, int, int, int>>(IlgpuKernelCatalog.ExactInertia);
        SeedingBlockPartials = Load<SeedingBlockPartialsLauncher>(IlgpuKernelCatalog.SeedingBlockPartials);
        SeedingBlockSums = Load<Action<AcceleratorStream, Index2D, ArrayView<double>, ArrayView<double>, int>>(IlgpuKernelCatalog.SeedingBlockSums);
        SeedingUpdateClosest = Load<Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
            ArrayView<float>, int, int>>(IlgpuKernelCatalog.SeedingUpdateClosest);
        ClusterDistanceSums = Load<Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>,
            ArrayView<double>, int, int, int>>(IlgpuKernelCatalog.ClusterDistanceSums);
        Tiled = TiledKernels.For(accelerator);
        Reduction = ReductionKernelEntries.For(accelerator.AcceleratorType == AcceleratorType.CPU);
    }

    public Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, int> RowNorms { get; }

    public Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>,
        ArrayView<double>, int, int, int> ExactInertia { get; }

    /// <summary>Launcher of <see cref="SeedingKernels.BlockPartials"/>.</summary>
    public delegate void SeedingBlockPartialsLauncher(
        AcceleratorStream stream, Index2D index,
        ArrayView<float> points, ArrayView<float> pointNorms, ArrayView<float> weights, ArrayView<float> closest,
        ArrayView<float> pending, ArrayView<float> pendingNorm, ArrayView<float> candidates, ArrayView<float> candidateNorms,
        ArrayView<double> partials,
        int pointCount, int dimensions, int blockSize, int blocks, int hasPending, int firstCandidate, int candidateCount);

    public SeedingBlockPartialsLauncher SeedingBlockPartials { get; }

    public Action<AcceleratorStream, Index2D, ArrayView<double>, ArrayView<double>, int> SeedingBlockSums { get; }

    public Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
        int, int> SeedingUpdateClosest { get; }

    public Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<double>,
        int, int, int> ClusterDistanceSums { get; }

    /// <summary>The tiled distance core: assignment, distance matrix.</summary>
    public TiledKernels Tiled { get; }

    /// <summary>The label-sort reduction's entries in this accelerator's configuration (each workspace's <see cref="LabelSortReduction"/> loads them).</summary>
    public ReductionKernels Reduction { get; }

    private TLauncher Load<TLauncher>(IlgpuKernelEntry entry) where TLauncher : Delegate => entry.Load<TLauncher>(_accelerator);
}
