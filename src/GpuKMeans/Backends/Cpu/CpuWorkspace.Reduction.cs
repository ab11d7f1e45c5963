namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// How the CPU workspace splits n points for the assignment and the centroid reduction: <see cref="Count"/>
/// blocks of <see cref="Size"/> consecutive points (a multiple of 4, the kernel's row group), each with its
/// own double partial sums. A function of (n, k, d) only, never of the core count, so a fit gives the same
/// bits on any machine with the same vector results.
/// </summary>
internal readonly struct CpuBlocks
{
    /// <summary>Fewest points per block: below this, clearing and combining partials outweighs the work.</summary>
    public const int MinRows = 1024;

    /// <summary>Most blocks: plenty of tasks to balance many cores.</summary>
    public const int MaxBlocks = 64;

    /// <summary>Most partial-sum doubles (8 MiB) for all blocks together.</summary>
    public const long PartialBudget = 1L << 20;

    public CpuBlocks(int pointCount, int dimensions, int clusterCount)
    {
        PointCount = pointCount;
        ClusterCount = clusterCount;
        long byWork = (pointCount + MinRows - 1) / MinRows;
        long byMemory = PartialBudget / ((long)clusterCount * dimensions);
        int count = (int)Math.Max(1, Math.Min(Math.Min(byWork, MaxBlocks), byMemory));
        Size = ((pointCount + count - 1) / count + 3) & ~3;
        Count = (pointCount + Size - 1) / Size;
    }

    public int PointCount { get; }
    public int ClusterCount { get; }
    public int Count { get; }
    public int Size { get; }

    public (int First, int End) Range(int block) => (block * Size, Math.Min(PointCount, (block + 1) * Size));
}

/// <summary>The centroid reduction of <see cref="CpuWorkspace"/>: per-block partials, combined in block order.</summary>
internal sealed partial class CpuWorkspace
{
    /// <summary>Sum cells per combine task.</summary>
    private const int CombineChunk = 8192;

    private CpuBlocks _blocks;
    private double[] _partialSums = [];
    private double[] _partialWeights = [];
    private double[] _partialInertia = [];
    private long[] _partialChanges = [];

    /// <summary>The unfused variant: reduces every block after the whole assignment (a benchmark baseline).</summary>
    private void AccumulateAllBlocks() =>
        Parallel.For(0, _blocks.Count, block =>
        {
            ClearPartial(block);
            var (first, end) = _blocks.Range(block);
            AccumulateRows(block, first, end);
        });

    private void Relayout(int clusterCount)
    {
        _blocks = new CpuBlocks(Count, Dimensions, clusterCount);
        long cells = (long)_blocks.Count * clusterCount * Dimensions;
        _partialSums = new double[checked((int)cells)];
        _partialWeights = new double[_blocks.Count * clusterCount];
        _partialInertia = new double[_blocks.Count];
        _partialChanges = new long[_blocks.Count];
    }

    private void ClearPartial(int block)
    {
        int k = _blocks.ClusterCount, kd = k * Dimensions;
        _partialSums.AsSpan(block * kd, kd).Clear();
        _partialWeights.AsSpan(block * k, k).Clear();
        _partialInertia[block] = 0;
        _partialChanges[block] = 0;
    }

    /// <summary>Adds points <c>[first, end)</c>, in index order, to the partials of <paramref name="block"/>.</summary>
    private void AccumulateRows(int block, int first, int end)
    {
        int k = _blocks.ClusterCount, kd = k * Dimensions;
        _kernels.AccumulateRows(
            _points, first, end, _labels, _previousLabels, _minDistances,
            _partialSums.AsSpan(block * kd, kd), _partialWeights.AsSpan(block * k, k),
            ref _partialInertia[block], ref _partialChanges[block]);
    }

    /// <summary>Adds the partials in block order (every cell is its own fixed sequence of additions).</summary>
    private PartialStatistics Combine()
    {
        int k = _blocks.ClusterCount, kd = k * Dimensions, blocks = _blocks.Count;
        var sums = new double[kd];
        int chunks = (kd + CombineChunk - 1) / CombineChunk;
        Parallel.For(0, chunks, chunk =>
        {
            int start = chunk * CombineChunk, length = Math.Min(CombineChunk, kd - start);
            var target = sums.AsSpan(start, length);
            for (int b = 0; b < blocks; b++)
                PartitionRules.AddInOrder(target, _partialSums.AsSpan(b * kd + start, length));
        });

        var weights = new double[k];
        double inertia = 0;
        long changes = 0;
        for (int b = 0; b < blocks; b++)
        {
            PartitionRules.AddInOrder(weights, _partialWeights.AsSpan(b * k, k));
            inertia += _partialInertia[b];
            changes += _partialChanges[b];
        }
        return new PartialStatistics(sums, weights, inertia, changes);
    }
}
