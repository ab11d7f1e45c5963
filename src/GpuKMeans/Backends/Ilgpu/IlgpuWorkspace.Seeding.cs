using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>
/// The k-means++ part of <see cref="IlgpuWorkspace"/>. Distances come from the tiled core: the chosen centre, or
/// the candidates, are uploaded and act as the centroids, their norms computed by the kernel that computed the
/// points' norms (so a point's distance to a copy of itself is exactly 0). Potentials are summed per fixed block
/// in double on the device.
/// </summary>
internal sealed partial class IlgpuWorkspace
{
    /// <summary>Most candidate-distance cells computed per launch (64 MiB); row chunks are whole seeding blocks.</summary>
    private const long CandidateChunkCells = 1L << 24;

    private readonly MemoryBuffer1D<float, Stride1D.Dense> _closest = null!;
    private MemoryBuffer1D<double, Stride1D.Dense>? _closestBlockSums;
    private MemoryBuffer1D<float, Stride1D.Dense>? _candidatePoints;
    private MemoryBuffer1D<float, Stride1D.Dense>? _candidateNorms;
    private MemoryBuffer1D<float, Stride1D.Dense>? _candidateDistances;
    private MemoryBuffer1D<double, Stride1D.Dense>? _candidatePartials;

    public void ResetClosest()
    {
        // 0x7F800000 is +∞; MemSet writes bytes, so fill from a host array once.
        var infinities = new float[Count];
        Array.Fill(infinities, float.PositiveInfinity);
        _closest.View.CopyFromCPU(_stream, infinities);
    }

    public void SetClosest(ReadOnlySpan<float> closest)
    {
        PartitionRules.CheckPerPoint(closest.Length, Count, nameof(closest));
        _closest.View.CopyFromCPU(_stream, closest);
    }

    public void UpdateClosest(ReadOnlySpan<float> centre)
    {
        PartitionRules.CheckRows(centre.Length, Dimensions, nameof(centre));
        UploadCandidates(centre, 1);
        _kernels.Tiled.UpdateClosest(_stream, _points.View, _pointNorms.View, _candidatePoints!.View, _candidateNorms!.View,
            _closest.View, Count, Dimensions, clusterCount: 1);
    }

    public void ComputeCandidatePotentials(ReadOnlySpan<float> candidateRows, int blockSize, Span<double> potentials)
    {
        int candidates = PartitionRules.CheckRows(candidateRows.Length, Dimensions, nameof(candidateRows));
        int d = Dimensions, blocks = PartitionRules.BlockCount(Count, blockSize);
        int blocksPerChunk = (int)Math.Clamp(CandidateChunkCells / ((long)blockSize * candidates), 1, blocks);
        int rowsPerChunk = blocksPerChunk * blockSize;
        EnsureCandidateBuffers(candidates, (long)Math.Min(rowsPerChunk, Count) * candidates, (long)blocks * candidates);
        UploadCandidates(candidateRows, candidates);

        for (int first = 0; first < Count; first += rowsPerChunk)
        {
            int rowCount = Math.Min(rowsPerChunk, Count - first);
            _kernels.Tiled.DistanceMatrix(_stream, _points.View, _pointNorms.View, _candidatePoints!.View, _candidateNorms!.View,
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

    public void ComputeClosestBlockSums(int blockSize, Span<double> blockSums)
    {
        int blocks = PartitionRules.BlockCount(Count, blockSize);
        if (_closestBlockSums is null || _closestBlockSums.Length < blocks)
        {
            Release(_closestBlockSums);
            _closestBlockSums = Own(_accelerator.Allocate1D<double>(blocks));
        }
        _kernels.ClosestBlockSums(_stream, blocks, _weights.View, _closest.View, _closestBlockSums.View, Count, blockSize);
        _closestBlockSums.View.SubView(0, Math.Min(blocks, blockSums.Length)).CopyToCPU(_stream, blockSums[..Math.Min(blocks, blockSums.Length)]);
    }

    /// <summary>Uploads <paramref name="count"/> centres (row-major) as the tiny centroid set of the seeding kernels, with their norms.</summary>
    private void UploadCandidates(ReadOnlySpan<float> rows, int count)
    {
        EnsureCandidateBuffers(count, 0, 0);
        _candidatePoints!.View.SubView(0, rows.Length).CopyFromCPU(_stream, rows);
        _kernels.RowNorms(_stream, count, _candidatePoints.View, _candidateNorms!.View, Dimensions);
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
        if (distanceCells > 0 && (_candidateDistances is null || _candidateDistances.Length < distanceCells))
        {
            Release(_candidateDistances);
            _candidateDistances = Own(_accelerator.Allocate1D<float>(distanceCells));
        }
        if (partialCells > 0 && (_candidatePartials is null || _candidatePartials.Length < partialCells))
        {
            Release(_candidatePartials);
            _candidatePartials = Own(_accelerator.Allocate1D<double>(partialCells));
        }
    }
}
