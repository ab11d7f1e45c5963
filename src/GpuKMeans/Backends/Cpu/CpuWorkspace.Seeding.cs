namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// The k-means++ part of <see cref="CpuWorkspace"/>. Point-to-point distances go through the same
/// micro-kernel as the assignment, with the chosen centre or the candidates packed as a small centroid panel
/// (their norms by the same function as the points' norms), so a point's distance to a copy of itself is exactly 0.
/// </summary>
internal sealed partial class CpuWorkspace
{
    private readonly float[] _closest;
    private readonly CentroidPanel _seedPanel;

    public void ResetClosest() => Array.Fill(_closest, float.PositiveInfinity);

    public void SetClosest(ReadOnlySpan<float> closest)
    {
        PartitionRules.CheckPerPoint(closest.Length, Count, nameof(closest));
        closest.CopyTo(_closest);
    }

    public void UpdateClosest(ReadOnlySpan<float> centre)
    {
        PartitionRules.CheckRows(centre.Length, Dimensions, nameof(centre));
        _seedPanel.Pack(centre, 1, Dimensions);
        int padded = _seedPanel.Padded;
        int tasks = (Count + RowsPerTask - 1) / RowsPerTask;
        Parallel.For(0, tasks, NewTile, (task, _, tile) =>
        {
            int start = task * RowsPerTask;
            int stop = Math.Min(Count, start + RowsPerTask);
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
            return tile;
        }, static _ => { });
    }

    public void ComputeCandidatePotentials(ReadOnlySpan<float> candidateRows, int blockSize, Span<double> potentials)
    {
        int candidates = PartitionRules.CheckRows(candidateRows.Length, Dimensions, nameof(candidateRows));
        _seedPanel.Pack(candidateRows, candidates, Dimensions);
        int padded = _seedPanel.Padded;
        int blocks = PartitionRules.BlockCount(Count, blockSize);
        var partials = new double[blocks * candidates];
        Parallel.For(0, blocks, NewTile, (block, _, tile) =>
        {
            int first = block * blockSize;
            int end = Math.Min(Count, first + blockSize);
            var sums = partials.AsSpan(block * candidates, candidates);
            for (int r = first; r < end; r += 4)
            {
                _kernels.DistanceRows4(_points, r, _seedPanel, tile);
                int rows = Math.Min(4, end - r);
                for (int q = 0; q < rows; q++)
                {
                    double w = _points.Weights[r + q];
                    float closest = _closest[r + q];
                    var distances = tile.AsSpan(q * padded, candidates);
                    for (int t = 0; t < candidates; t++)
                        sums[t] += w * (distances[t] < closest ? distances[t] : closest);
                }
            }
            return tile;
        }, static _ => { });

        potentials[..candidates].Clear();
        for (int b = 0; b < blocks; b++)
            for (int t = 0; t < candidates; t++)
                potentials[t] += partials[b * candidates + t];
    }

    public void ComputeClosestBlockSums(int blockSize, Span<double> blockSums)
    {
        int blocks = PartitionRules.BlockCount(Count, blockSize);
        var sums = new double[blocks];
        Parallel.For(0, blocks, block =>
        {
            int first = block * blockSize;
            int end = Math.Min(Count, first + blockSize);
            double sum = 0;
            for (int i = first; i < end; i++)
                sum += (double)_points.Weights[i] * _closest[i];
            sums[block] = sum;
        });
        sums.AsSpan(0, Math.Min(blocks, blockSums.Length)).CopyTo(blockSums);
    }

    public void CopyClosest(int firstRow, Span<float> destination) =>
        _closest.AsSpan(firstRow, destination.Length).CopyTo(destination);
}
