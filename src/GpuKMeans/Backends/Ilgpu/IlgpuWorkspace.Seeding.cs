using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>
/// The k-means++ part of <see cref="IlgpuWorkspace"/>. Distances come from the tiled core: the chosen row, or
/// the candidate rows, act as the centroids (views into the points themselves, so a point's distance to itself
/// uses its own norm). Potentials are summed per fixed block in double on the device.
/// </summary>
internal sealed partial class IlgpuWorkspace
{
    /// <summary>Most candidate-distance cells computed per launch (64 MiB); row chunks are whole seeding blocks.</summary>
    private const long CandidateChunkCells = 1L << 24;

    private readonly MemoryBuffer1D<float, Stride1D.Dense> _closest = null!;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _closestBlockSums = null!;
    private MemoryBuffer1D<float, Stride1D.Dense>? _candidatePoints;
    private MemoryBuffer1D<float, Stride1D.Dense>? _candidateNorms;
    private MemoryBuffer1D<float, Stride1D.Dense>? _candidateDistances;
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

    public void UpdateClosest(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        _kernels.Tiled.UpdateClosest(_stream, _points.View, _pointNorms.View,
            _points.View.SubView((long)row * Dimensions, Dimensions), _pointNorms.View.SubView(row, 1),
            _closest.View, Count, Dimensions, clusterCount: 1);
    }

    public void ComputeCandidatePotentials(ReadOnlySpan<int> candidateRows, Span<double> potentials)
    {
        int candidates = candidateRows.Length;
        foreach (int row in candidateRows)
            if ((uint)row >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(candidateRows), row, "A candidate row is out of range.");
        int d = Dimensions, blockSize = ClosestBlockSize, blocks = ClosestBlockCount;
        int blocksPerChunk = (int)Math.Clamp(CandidateChunkCells / ((long)blockSize * candidates), 1, blocks);
        int rowsPerChunk = blocksPerChunk * blockSize;
        EnsureCandidateBuffers(candidates, (long)Math.Min(rowsPerChunk, Count) * candidates, (long)blocks * candidates);

        // The candidates as a tiny centroid set: their rows and norms gathered on the device.
        var rows = new float[candidates * d];
        CopyRows(candidateRows, rows);
        _candidatePoints!.View.SubView(0, rows.Length).CopyFromCPU(_stream, rows);
        _kernels.RowNorms(_stream, candidates, _candidatePoints.View, _candidateNorms!.View, d);

        for (int first = 0; first < Count; first += rowsPerChunk)
        {
            int rowCount = Math.Min(rowsPerChunk, Count - first);
            _kernels.Tiled.DistanceMatrix(_stream, _points.View, _pointNorms.View, _candidatePoints.View, _candidateNorms.View,
                _candidateDistances!.View, first, rowCount, d, candidates);
            _kernels.PotentialBlockSums(_stream, new Index2D(candidates, (rowCount + blockSize - 1) / blockSize),
                _weights.View, _closest.View, _candidateDistances.View, _candidatePartials!.View,
                first, rowCount, blockSize, candidates);
        }
        var partials = new double[blocks * candidates];
        _candidatePartials!.View.SubView(0, partials.Length).CopyToCPU(_stream, partials);
        potentials[..candidates].Clear();
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

    private void EnsureCandidateBuffers(int candidates, long distanceCells, long partialCells)
    {
        if (_candidatePoints is null || _candidatePoints.Length < (long)candidates * Dimensions)
        {
            Release(_candidatePoints);
            Release(_candidateNorms);
            _candidatePoints = Own(_accelerator.Allocate1D<float>((long)candidates * Dimensions));
            _candidateNorms = Own(_accelerator.Allocate1D<float>(candidates));
        }
        if (_candidateDistances is null || _candidateDistances.Length < distanceCells)
        {
            Release(_candidateDistances);
            _candidateDistances = Own(_accelerator.Allocate1D<float>(distanceCells));
        }
        if (_candidatePartials is null || _candidatePartials.Length < partialCells)
        {
            Release(_candidatePartials);
            _candidatePartials = Own(_accelerator.Allocate1D<double>(partialCells));
        }
    }
}
