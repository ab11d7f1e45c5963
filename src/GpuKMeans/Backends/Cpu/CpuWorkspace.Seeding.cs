namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// The k-means++ part of <see cref="CpuWorkspace"/>. Point-to-point distances go through the same
/// micro-kernel as the assignment, with the pending centre and the candidates packed as one small centroid panel
/// (their norms by the same function as the points' norms), so a point's distance to a copy of itself is exactly 0
/// and a lane's distance does not depend on which other centres share the panel.
/// </summary>
internal sealed partial class CpuWorkspace
{
    /// <summary>Points per task of a seeding pass (whole blocks): enough work to outweigh the task's start.</summary>
    private const int SeedingTaskRows = 16384;

    private readonly float[] _closest;
    private readonly CentroidPanel _seedPanel;
    private float[] _seedRows = [];
    private double[] _seedPartials = [];

    public void ResetClosest() => Array.Fill(_closest, float.PositiveInfinity);

    public void SetClosest(ReadOnlySpan<float> closest)
    {
        PartitionRules.CheckPerPoint(closest.Length, Count, nameof(closest));
        closest.CopyTo(_closest);
    }

    public void UpdateClosest(ReadOnlySpan<float> centre, int firstRow, int rowCount)
    {
        if (PartitionRules.CheckRows(centre.Length, Dimensions, nameof(centre)) != 1)
            throw new ArgumentException($"The centre has {centre.Length} values, not {Dimensions}.", nameof(centre));
        SeedingOperations.CheckRange(firstRow, rowCount, Count);
        _seedPanel.Pack(centre, 1, Dimensions);
        int padded = _seedPanel.Padded;
        int tasks = (rowCount + RowsPerTask - 1) / RowsPerTask;
        if (tasks <= 1)
        {
            // A drawn block: on this thread, no task to schedule.
            UpdateClosestRows(firstRow, firstRow + rowCount, padded, NewTile());
            return;
        }
        Parallel.For(0, tasks, NewTile, (task, _, tile) =>
        {
            int start = firstRow + task * RowsPerTask;
            UpdateClosestRows(start, Math.Min(firstRow + rowCount, start + RowsPerTask), padded, tile);
            return tile;
        }, static _ => { });
    }

    /// <summary>Lowers the closest distances of rows <c>[start, stop)</c> by lane 0 of the seeding panel.</summary>
    private void UpdateClosestRows(int start, int stop, int padded, float[] tile)
    {
        for (int r = start; r < stop; r += 4)
        {
            _kernels.DistanceRows4(_points, r, _seedPanel, tile);
            int rows = Math.Min(4, stop - r);
            for (int q = 0; q < rows; q++)
            {
                float distance = tile[q * padded];
                if (distance < _closest[r + q])
                    _closest[r + q] = distance;
            }
        }
    }

    public void SeedingPass(ReadOnlySpan<float> pending, ReadOnlySpan<float> candidates, int blockSize, Span<double> candidateBlockSums)
    {
        int d = Dimensions;
        var (count, blocks) = SeedingOperations.CheckPass(pending, candidates, blockSize, candidateBlockSums.Length, Count, d);
        bool hasPending = !pending.IsEmpty;
        int centres = count + (hasPending ? 1 : 0);   // the candidates, then the pending centre
        if (_seedRows.Length < centres * d)
            _seedRows = new float[centres * d];
        candidates.CopyTo(_seedRows);
        pending.CopyTo(_seedRows.AsSpan(count * d));
        _seedPanel.Pack(_seedRows.AsSpan(0, centres * d), centres, d);
        if (_seedPartials.Length < blocks * count)
            _seedPartials = new double[blocks * count];
        var partials = _seedPartials;

        int blocksPerTask = Math.Max(1, SeedingTaskRows / blockSize);
        int tasks = (blocks + blocksPerTask - 1) / blocksPerTask;
        Parallel.For(0, tasks, NewTile, (task, _, tile) =>
        {
            int lastBlock = Math.Min(blocks, (task + 1) * blocksPerTask);
            for (int block = task * blocksPerTask; block < lastBlock; block++)
            {
                int start = block * blockSize;
                _kernels.SeedingBlock(_points, _seedPanel, start, Math.Min(Count, start + blockSize), hasPending, _closest,
                    partials.AsSpan(block * count, count), tile);
            }
            return tile;
        }, static _ => { });

        for (int b = 0; b < blocks; b++)
            for (int t = 0; t < count; t++)
                candidateBlockSums[t * blocks + b] = partials[b * count + t];
    }

    public void CopyClosest(int firstRow, Span<float> destination) =>
        _closest.AsSpan(firstRow, destination.Length).CopyTo(destination);
}
