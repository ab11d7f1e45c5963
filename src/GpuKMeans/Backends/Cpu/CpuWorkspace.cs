namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// The state of one fit on the CPU backend over shared <see cref="CpuResidentPoints"/>. Work is split into fixed
/// blocks of consecutive points (<see cref="CpuBlocks"/>, a function of n, k and d only) that run on all
/// cores; every result is either per point or a per-block partial combined in block order, so nothing
/// depends on which thread ran which block or when.
/// </summary>
internal sealed partial class CpuWorkspace : IFitWorkspace
{
    /// <summary>
    /// Floats of points per assignment chunk (256 KiB): the chunk stays in L2 while the centroid micro-panels
    /// stream past it, and is still there when it is accumulated right after.
    /// </summary>
    private const int ChunkFloats = 1 << 16;

    /// <summary>Rows per task of <see cref="ComputeDistances"/> and the k-means++ updates.</summary>
    private const int RowsPerTask = 256;

    private readonly CpuKernels _kernels;
    private readonly CpuResidentPoints _resident;
    private readonly bool _ownsPoints;
    private readonly CpuPoints _points;
    private readonly CentroidPanel _centroids;
    private readonly CentroidMicroPanels _microPanels;
    private readonly bool _fuseAccumulate;
    private readonly float[] _minDistances;
    private int[] _labels;
    private int[] _previousLabels;
    private float[] _centroidRows = [];

    /// <summary>Whether <see cref="_centroids"/> holds the current centroids: only the distance matrix reads it, so it is packed on first use.</summary>
    private bool _panelCurrent;

    public CpuWorkspace(CpuKernels kernels, CpuResidentPoints resident, bool fuseAccumulate, bool ownsPoints)
    {
        _kernels = kernels;
        _resident = resident;
        _ownsPoints = ownsPoints;
        _fuseAccumulate = fuseAccumulate;
        _points = resident.Points;
        _centroids = new CentroidPanel(kernels.Width);
        _microPanels = kernels.NewMicroPanels();
        _seedPanel = new CentroidPanel(kernels.Width);
        Count = _points.Count;
        Dimensions = _points.Dimensions;
        _minDistances = new float[Count];
        _labels = new int[Count];
        _previousLabels = new int[Count];
        _closest = new float[Count];
        ResetLabels();
    }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>The vector path these points are processed with.</summary>
    public CpuSimdLevel Level => _kernels.Level;

    public void SetCentroids(ReadOnlySpan<float> centroids, int clusterCount)
    {
        _centroidRows = centroids[..(clusterCount * Dimensions)].ToArray();
        _panelCurrent = false;
        _microPanels.Pack(centroids, clusterCount, Dimensions);
        if (_blocks.ClusterCount != clusterCount)
            Relayout(clusterCount);
    }

    public void ResetLabels()
    {
        Array.Fill(_labels, -1);
        Array.Fill(_previousLabels, -1);
        ForgetBounds();
    }

    public PartialStatistics AssignAndReduce(CancellationToken cancellationToken = default)
    {
        if (Prunes)
            return AssignAndReducePruned(cancellationToken);
        (_labels, _previousLabels) = (_previousLabels, _labels);
        bool fuse = _fuseAccumulate;
        int chunkRows = ChunkRows;
        // A cancel is seen every chunk (64 to 512 rows): the workers stop and the step throws. The labels and partials are then
        // half-updated, which is harmless because a cancelled fit abandons its workspace.
        Parallel.For(0, _blocks.Count, () => new float[_kernels.BlockedScratchLength(chunkRows, _microPanels)], (block, state, scratch) =>
        {
            var (first, end) = _blocks.Range(block);
            if (fuse)
                ClearPartial(block);
            for (int row = first; row < end; row += chunkRows)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state.Stop();
                    return scratch;
                }
                int stop = Math.Min(end, row + chunkRows);
                _kernels.AssignRowsBlocked(_points, _microPanels, row, stop, _labels, _minDistances, scratch);
                if (fuse)
                    AccumulateRows(block, row, stop);
            }
            return scratch;
        }, static _ => { });
        cancellationToken.ThrowIfCancellationRequested();
        if (!fuse)
            AccumulateAllBlocks();
        return Combine();
    }

    public double ExactInertia()
    {
        int blocks = PartitionRules.InertiaBlockCount(Count), d = Dimensions;
        var partials = new double[blocks];
        var centroids = _centroidRows;
        Parallel.For(0, blocks, block =>
        {
            var values = _points.Values.Span;
            int first = block * PartitionRules.InertiaBlockSize;
            int end = Math.Min(Count, first + PartitionRules.InertiaBlockSize);
            double sum = 0;
            for (int i = first; i < end; i++)
            {
                var row = values.Slice(i * d, d);
                var centroid = centroids.AsSpan(_labels[i] * d, d);
                double squared = 0;
                for (int j = 0; j < d; j++)
                {
                    double delta = (double)row[j] - centroid[j];
                    squared += delta * delta;
                }
                sum += _points.Weights[i] * squared;
            }
            partials[block] = sum;
        });
        double total = 0;
        foreach (double partial in partials)
            total += partial;
        return total;
    }

    public void CopyLabels(Span<int> labels) => _labels.AsSpan(0, labels.Length).CopyTo(labels);

    public void CopyMinDistances(Span<float> distances) => _minDistances.AsSpan(0, distances.Length).CopyTo(distances);

    public unsafe void ComputeDistances(int firstRow, int rowCount, Span<float> distances)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowCount, Count - firstRow);
        if (!_panelCurrent)
        {
            _centroids.Pack(_centroidRows, _microPanels.Count, Dimensions);
            _panelCurrent = true;
        }
        int k = _centroids.Count;
        int padded = _centroids.Padded;
        if (distances.Length < (long)rowCount * k)
            throw new ArgumentException("distances holds fewer than rowCount × k values.", nameof(distances));
        int tasks = (rowCount + RowsPerTask - 1) / RowsPerTask;
        fixed (float* output = distances)
        {
            nint address = (nint)output;
            Parallel.For(0, tasks, NewTile, (task, _, tile) =>
            {
                int start = task * RowsPerTask;
                int stop = Math.Min(rowCount, start + RowsPerTask);
                for (int r = start; r < stop; r += 4)
                {
                    _kernels.DistanceRows4(_points, firstRow + r, _centroids, tile);
                    int rows = Math.Min(4, stop - r);
                    for (int q = 0; q < rows; q++)
                        tile.AsSpan(q * padded, k).CopyTo(new Span<float>((float*)address + (long)(r + q) * k, k));
                }
                return tile;
            }, static _ => { });
        }
    }

    public void CopyRows(ReadOnlySpan<int> rows, Span<float> destination)
    {
        int d = Dimensions;
        for (int r = 0; r < rows.Length; r++)
            _points.Row(rows[r]).CopyTo(destination.Slice(r * d, d));
    }

    /// <summary>Everything lives in managed arrays; disposes the points too when this workspace owns them.</summary>
    public void Dispose()
    {
        if (_ownsPoints)
            _resident.Dispose();
    }

    /// <summary>Rows per assignment chunk: <see cref="ChunkFloats"/> of points, 64 to 512 rows, a multiple of 4.</summary>
    private int ChunkRows => Math.Clamp(ChunkFloats / Dimensions, 64, 512) & ~3;

    /// <summary>A worker's tile: four rows × the padded centroid count, or sixteen rows × d for the AVX-512 seeding pass.</summary>
    private float[] NewTile() => new float[CpuKernels.SeedingTileLength(Math.Max(_centroids.Padded, _seedPanel.Padded), Dimensions)];
}
