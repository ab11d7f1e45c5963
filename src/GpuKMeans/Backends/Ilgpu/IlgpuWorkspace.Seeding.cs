using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>The k-means++ part of <see cref="IlgpuWorkspace"/>.</summary>
internal sealed partial class IlgpuWorkspace
{
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _closest = null!;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _closestBlockSums = null!;
    private MemoryBuffer1D<int, Stride1D.Dense>? _candidateRows;
    private MemoryBuffer1D<double, Stride1D.Dense>? _candidatePartials;

    private int ClosestBlockSize => PartitionRules.SeedingBlockSize(Count);

    private int ClosestBlockCount => PartitionRules.SeedingBlockCount(Count);

    public void ResetClosest()
    {
        // 0x7F800000 is +∞; MemSet writes bytes, so fill from a host array once.
        var infinities = new float[Count];
        Array.Fill(infinities, float.PositiveInfinity);
        _closest.View.CopyFromCPU(_stream, infinities);
    }

    public void UpdateClosest(int row) =>
        _kernels.UpdateClosest(_stream, Count, _points.View, _pointNorms.View, _closest.View, row, Dimensions);

    public void ComputeCandidatePotentials(ReadOnlySpan<int> candidateRows, Span<double> potentials)
    {
        int candidates = candidateRows.Length;
        int blocks = ClosestBlockCount;
        if (_candidateRows is null || _candidateRows.Length < candidates)
        {
            Release(_candidateRows);
            Release(_candidatePartials);
            _candidateRows = Own(_accelerator.Allocate1D<int>(candidates));
            _candidatePartials = Own(_accelerator.Allocate1D<double>((long)blocks * candidates));
        }
        _candidateRows.View.SubView(0, candidates).CopyFromCPU(_stream, candidateRows);
        _kernels.CandidatePotentials(_stream, new Index2D(candidates, blocks), _points.View, _pointNorms.View, _weights.View,
            _closest.View, _candidateRows.View, _candidatePartials!.View, Count, Dimensions, ClosestBlockSize,
            candidates);
        var partials = new double[blocks * candidates];
        _candidatePartials.View.SubView(0, partials.Length).CopyToCPU(_stream, partials);
        potentials.Clear();
        for (int b = 0; b < blocks; b++)
            for (int t = 0; t < candidates; t++)
                potentials[t] += partials[b * candidates + t];
    }

    public void ComputeClosestBlockSums(Span<double> blockSums)
    {
        _kernels.ClosestBlockSums(_stream, ClosestBlockCount, _weights.View, _closest.View, _closestBlockSums.View, Count, ClosestBlockSize);
        _closestBlockSums.View.SubView(0, blockSums.Length).CopyToCPU(_stream, blockSums);
    }

    public void CopyClosest(int firstRow, Span<float> destination) =>
        _closest.View.SubView(firstRow, destination.Length).CopyToCPU(_stream, destination);
}
