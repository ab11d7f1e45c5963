using GpuKMeans.Backends.Ilgpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>Every kernel, compiled and loaded once per accelerator; launching a delegate costs no compile.</summary>
internal sealed class IlgpuKernelSet
{
    public IlgpuKernelSet(Accelerator accelerator)
    {
        _accelerator = accelerator;
        RowNorms = Load<Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, int>>(IlgpuKernelCatalog.RowNorms);
        DistanceMatrix = Load<Action<AcceleratorStream, Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
            ArrayView<float>, int, int, int>>(IlgpuKernelCatalog.DistanceMatrix);
        AssignLabels = Load<Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
            ArrayView<int>, ArrayView<float>, int, int>>(IlgpuKernelCatalog.AssignLabels);
        AccumulateCentroids = Load<Action<AcceleratorStream, Index2D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>,
            ArrayView<float>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>, ReductionShape>>(
            IlgpuKernelCatalog.AccumulateCentroids);
        CombineCentroids = Load<Action<AcceleratorStream, Index2D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>,
            ArrayView<double>, ReductionShape>>(IlgpuKernelCatalog.CombineCentroids);
        UpdateClosest = Load<Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>>(
            IlgpuKernelCatalog.UpdateClosest);
        CandidatePotentials = Load<Action<AcceleratorStream, Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
            ArrayView<int>, ArrayView<double>, int, int, int, int>>(IlgpuKernelCatalog.CandidatePotentials);
        ClosestBlockSums = Load<Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<double>, int, int>>(
            IlgpuKernelCatalog.ClosestBlockSums);
        ClusterDistanceSums = Load<Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>,
            ArrayView<double>, int, int, int>>(IlgpuKernelCatalog.ClusterDistanceSums);
    }

    public Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, int> RowNorms { get; }

    public Action<AcceleratorStream, Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
        ArrayView<float>, int, int, int> DistanceMatrix { get; }

    public Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
        ArrayView<int>, ArrayView<float>, int, int> AssignLabels { get; }

    public Action<AcceleratorStream, Index2D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>,
        ArrayView<float>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>, ReductionShape>
        AccumulateCentroids { get; }

    public Action<AcceleratorStream, Index2D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>,
        ArrayView<double>, ReductionShape> CombineCentroids { get; }

    public Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>
        UpdateClosest { get; }

    public Action<AcceleratorStream, Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
        ArrayView<int>, ArrayView<double>, int, int, int, int> CandidatePotentials { get; }

    public Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<double>, int, int>
        ClosestBlockSums { get; }

    public Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<double>,
        int, int, int> ClusterDistanceSums { get; }

    private readonly Accelerator _accelerator;

    /// <summary>Compiles one catalog entry for this accelerator and returns its stream-first launcher.</summary>
    private TLauncher Load<TLauncher>(IlgpuKernelEntry entry) where TLauncher : Delegate
    {
        var kernel = entry.ExplicitlyGrouped
            ? _accelerator.LoadKernel(entry.Method)
            : _accelerator.LoadAutoGroupedKernel(entry.Method);
        return kernel.CreateLauncherDelegate<TLauncher>();
    }
}
