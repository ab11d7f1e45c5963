using GpuKMeans.Backends.Ilgpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>
/// The k-means++ part of <see cref="IlgpuWorkspace"/>: one pass over the points per chosen centre
/// (<see cref="SeedingKernels"/>). The pending centre and the candidates are uploaded with their norms computed by
/// the kernel that computed the points' norms (so a point's distance to a copy of itself is exactly 0); the
/// block sums are added on the device in double and only they come back.
/// </summary>
internal sealed partial class IlgpuWorkspace
{
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _closest = null!;
    private MemoryBuffer1D<float, Stride1D.Dense>? _seedCentres;
    private MemoryBuffer1D<float, Stride1D.Dense>? _seedNorms;
    private MemoryBuffer1D<double, Stride1D.Dense>? _seedPartials;
    private MemoryBuffer1D<double, Stride1D.Dense>? _seedSums;

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

    public void UpdateClosest(ReadOnlySpan<float> centre, int firstRow, int rowCount)
    {
        if (PartitionRules.CheckRows(centre.Length, Dimensions, nameof(centre)) != 1)
            throw new ArgumentException($"The centre has {centre.Length} values, not {Dimensions}.", nameof(centre));
        SeedingOperations.CheckRange(firstRow, rowCount, Count);
        if (rowCount == 0)
            return;
        UploadSeedCentres(centre, 1);
        int d = Dimensions;
        _kernels.SeedingUpdateClosest(_stream, rowCount, _points.View, _pointNorms.View, _closest.View,
            _seedCentres!.View.SubView(0, d), _seedNorms!.View.SubView(0, 1), firstRow, d);
    }

    public void SeedingPass(ReadOnlySpan<float> pending, ReadOnlySpan<float> candidates, int blockSize, Span<double> candidateBlockSums)
    {
        int d = Dimensions;
        var (count, blocks) = SeedingOperations.CheckPass(pending, candidates, blockSize, candidateBlockSums.Length, Count, d);
        int hasPending = pending.IsEmpty ? 0 : 1;
        var rows = new float[(hasPending + count) * d];
        pending.CopyTo(rows);
        candidates.CopyTo(rows.AsSpan(hasPending * d));
        UploadSeedCentres(rows, hasPending + count);
        long cells = (long)count * blocks;
        EnsureSeedSums(cells);

        var pendingView = _seedCentres!.View.SubView(0, d);
        var pendingNorm = _seedNorms!.View.SubView(0, 1);
        var candidateView = _seedCentres.View.SubView(hasPending * d, (long)count * d);
        var candidateNorms = _seedNorms.View.SubView(hasPending, count);
        for (int first = 0; first < count; first += SeedingKernels.CandidatesPerLaunch)
            _kernels.SeedingBlockPartials(_stream, new Index2D(SeedingKernels.Lanes, blocks),
                _points.View, _pointNorms.View, _weights.View, _closest.View, pendingView, pendingNorm, candidateView, candidateNorms,
                _seedPartials!.View, Count, d, blockSize, blocks, first == 0 ? hasPending : 0, first, count);
        _kernels.SeedingBlockSums(_stream, new Index2D(blocks, count), _seedPartials!.View, _seedSums!.View, blocks);
        _seedSums.View.SubView(0, cells).CopyToCPU(_stream, candidateBlockSums[..(int)cells]);
    }

    public void CopyClosest(int firstRow, Span<float> destination) =>
        _closest.View.SubView(firstRow, destination.Length).CopyToCPU(_stream, destination);

    /// <summary>Uploads <paramref name="count"/> centres (row-major) for the seeding kernels, with their norms.</summary>
    private void UploadSeedCentres(ReadOnlySpan<float> rows, int count)
    {
        if (_seedCentres is null || _seedCentres.Length < (long)count * Dimensions)
        {
            Release(_seedCentres);
            Release(_seedNorms);
            _seedCentres = Own(_accelerator.Allocate1D<float>((long)count * Dimensions));
            _seedNorms = Own(_accelerator.Allocate1D<float>(count));
        }
        _seedCentres.View.SubView(0, rows.Length).CopyFromCPU(_stream, rows);
        _kernels.RowNorms(_stream, count, _seedCentres.View, _seedNorms!.View, Dimensions);
    }

    private void EnsureSeedSums(long cells)
    {
        if (_seedSums is null || _seedSums.Length < cells)
        {
            Release(_seedSums);
            Release(_seedPartials);
            _seedSums = Own(_accelerator.Allocate1D<double>(cells));
            _seedPartials = Own(_accelerator.Allocate1D<double>(cells * SeedingKernels.Lanes));
        }
    }
}
