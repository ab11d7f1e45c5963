using GpuKMeans.Backends.Cpu.Pruning;

namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// Exact pruning of the Lloyd step (<see cref="KMeansAlgorithm.Elkan"/>, <see cref="KMeansAlgorithm.Yinyang"/>):
/// the same blocks, partials and combine as the unpruned step, but each row goes through <see cref="PrunedRows"/>,
/// which keeps lower bounds between steps (<see cref="PruningState"/>) and evaluates only the groups of centroids
/// that could hold a nearer one. <see cref="ResetLabels"/> and a new cluster count start the bounds afresh.
/// </summary>
internal sealed partial class CpuWorkspace : ILloydPruning
{
    /// <summary>Rows a pruned step handles between cancellation checks and accumulations (they are still in the cache).</summary>
    private const int PruningChunkRows = PruningScratch.ChunkRows;

    /// <summary>
    /// At or above this share of the n·k distances evaluated by a pruned step, the next step runs the blocked Lloyd
    /// kernel instead, and the first step after <see cref="ResetLabels"/> always does; <see cref="PrunedRows.BoundsFromAssignment"/>
    /// then sets the bounds from the centroid geometry. Those bounds are looser than evaluated ones (on converged
    /// 200k × 32 blobs, k = 256, the next pruned step skips 66% rather than 99.6%), so a blocked step pays only where
    /// the pruned one would evaluate most distances anyway: measured, 0.5 beats 0.3 (which alternates blocked and
    /// pruned steps to the end) and a blocked first step only.
    /// </summary>
    internal const double DefaultBlockedShare = 0.5;

    private KMeansAlgorithm _algorithm = KMeansAlgorithm.Lloyd;

    /// <summary>Distances the last pruned step evaluated (0 after a blocked step: the next one tries the bounds).</summary>
    private long _lastEvaluated;

    /// <summary>
    /// The share of <see cref="DefaultBlockedShare"/>. Tests set 0 (every step blocked), +∞ (only the first) or a
    /// negative value (never: the first step evaluates whole rows through <see cref="PrunedRows"/>).
    /// </summary>
    internal double BlockedShare { get; set; } = DefaultBlockedShare;

    private PruningState? _pruning;
    private PrunedRows? _prunedRows;
    private long[] _partialEvaluated = [];

    /// <summary>The algorithm the next steps run: <see cref="KMeansAlgorithm.Auto"/> resolved by <see cref="UseAlgorithm"/>.</summary>
    public KMeansAlgorithm Algorithm => _algorithm;

    public void UseAlgorithm(KMeansAlgorithm algorithm, int clusterCount)
    {
        // Auto is Lloyd: pruning pays only on clustered data with a large k, which cannot be known in advance
        // (measured: 1.5-1.7x faster on 1M x 32 blobs with k = 256, 2.7x slower on 200k x 32 uniform points with k = 64).
        _algorithm = algorithm == KMeansAlgorithm.Auto ? KMeansAlgorithm.Lloyd : algorithm;
        _pruning = null;
    }

    /// <summary>
    /// Whether the next step prunes: Elkan or Yinyang was chosen and the bounds fit one array (n × units ≤
    /// <see cref="Array.MaxLength"/>); beyond that the step runs Lloyd, with the same labels.
    /// </summary>
    private bool Prunes => _algorithm is KMeansAlgorithm.Elkan or KMeansAlgorithm.Yinyang
        && PruningState.Fits(_algorithm == KMeansAlgorithm.Elkan, Count, _blocks.ClusterCount, _kernels.Width);

    private void ForgetBounds() => _pruning?.Invalidate();

    private PartialStatistics AssignAndReducePruned(CancellationToken cancellationToken)
    {
        int k = _blocks.ClusterCount;
        bool elkan = _algorithm == KMeansAlgorithm.Elkan;
        if (_pruning is null || _pruning.ClusterCount != k || _pruning.Dimensions != Dimensions)
            _pruning = new PruningState(elkan, Count, Dimensions, k, _kernels.Width);
        _prunedRows ??= PrunedRows.Create(_kernels.Level);
        if (_partialEvaluated.Length != _blocks.Count)
            _partialEvaluated = new long[_blocks.Count];
        var state = _pruning;
        var rows = _prunedRows;
        // Starting afresh, or after a pruned step that evaluated much of n·k: this step runs the blocked Lloyd kernel.
        bool blocked = BlockedShare >= 0 && (!state.Valid || _lastEvaluated >= BlockedShare * Count * k);
        state.Prepare(_centroidRows);

        (_labels, _previousLabels) = (_previousLabels, _labels);
        bool fuse = _fuseAccumulate;
        int chunkRows = blocked ? ChunkRows : PruningChunkRows;
        int blockedScratch = blocked ? _kernels.BlockedScratchLength(chunkRows, _microPanels) : 0;
        Parallel.For(0, _blocks.Count, () => new PruningScratch(state, blockedScratch), (block, loop, scratch) =>
        {
            var (first, end) = _blocks.Range(block);
            if (fuse)
                ClearPartial(block);
            long evaluated = 0;
            for (int row = first; row < end; row += chunkRows)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    loop.Stop();
                    return scratch;
                }
                int stop = Math.Min(end, row + chunkRows);
                if (blocked)
                {
                    _kernels.AssignRowsBlocked(_points, _microPanels, row, stop, _labels, _minDistances, scratch.Blocked);
                    PrunedRows.BoundsFromAssignment(state, _points, row, stop, _labels, _minDistances);
                    evaluated += (long)(stop - row) * k;
                }
                else
                    rows.Assign(state, _kernels, _points, row, stop, _previousLabels, _labels, _minDistances, scratch, ref evaluated);
                if (fuse)
                    AccumulateRows(block, row, stop);
            }
            _partialEvaluated[block] = evaluated;
            return scratch;
        }, static _ => { });
        // A cancelled step leaves the bounds half-updated: forget them (a cancelled fit abandons its workspace anyway).
        if (cancellationToken.IsCancellationRequested)
            state.Invalidate();
        cancellationToken.ThrowIfCancellationRequested();
        state.Commit(_centroidRows);
        if (!fuse)
            AccumulateAllBlocks();
        long evaluatedTotal = 0;
        foreach (long evaluated in _partialEvaluated)
            evaluatedTotal += evaluated;
        _lastEvaluated = blocked ? 0 : evaluatedTotal;
        return Combine() with { SkippedDistanceCount = (long)Count * k - evaluatedTotal };
    }
}
