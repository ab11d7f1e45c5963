using GpuKMeans.Backends.Ilgpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>Every kernel, compiled and loaded once per accelerator; launching a delegate costs no compile.</summary>
internal sealed class IlgpuKernelSet
{
    public IlgpuKernelSet(Accelerator accelerator)
    {
        RowNorms = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int>(
            RowNormsKernel.Run);
        DistanceMatrix = accelerator.LoadAutoGroupedStreamKernel<
            Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
            int, int, int>(DistanceMatrixKernel.Run);
        AssignLabels = accelerator.LoadAutoGroupedStreamKernel<
            Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
            ArrayView<int>, ArrayView<float>, int, int>(AssignLabelsKernel.Run);
        AccumulateCentroids = accelerator.LoadAutoGroupedStreamKernel<
            Index2D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<float>,
            ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>, ReductionShape>(
            AccumulateCentroidsKernel.Run);
        CombineCentroids = accelerator.LoadAutoGroupedStreamKernel<
            Index2D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>, ArrayView<double>,
            ReductionShape>(CombineCentroidsKernel.Run);
        UpdateClosest = accelerator.LoadAutoGroupedStreamKernel<
            Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>(SeedingKernels.UpdateClosest);
        CandidatePotentials = accelerator.LoadAutoGroupedStreamKernel<
            Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>,
            ArrayView<double>, int, int, int, int>(SeedingKernels.CandidatePotentials);
        ClosestBlockSums = accelerator.LoadAutoGroupedStreamKernel<
            Index1D, ArrayView<float>, ArrayView<float>, ArrayView<double>, int, int>(SeedingKernels.ClosestBlockSums);
        ClusterDistanceSums = accelerator.LoadAutoGroupedStreamKernel<
            Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<double>,
            int, int, int>(SilhouetteKernel.Run);
    }

    public Action<Index1D, ArrayView<float>, ArrayView<float>, int> RowNorms { get; }

    public Action<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
        ArrayView<float>, int, int, int> DistanceMatrix { get; }

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
        ArrayView<int>, ArrayView<float>, int, int> AssignLabels { get; }

    public Action<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>,
        ArrayView<float>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>, ReductionShape>
        AccumulateCentroids { get; }

    public Action<Index2D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>,
        ArrayView<double>, ReductionShape> CombineCentroids { get; }

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>
        UpdateClosest { get; }

    public Action<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>,
        ArrayView<int>, ArrayView<double>, int, int, int, int> CandidatePotentials { get; }

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<double>, int, int>
        ClosestBlockSums { get; }

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<double>,
        int, int, int> ClusterDistanceSums { get; }
}
