namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// Compile-time tile and group sizes of the label-sort reduction. Implemented by structs whose properties
/// return literals, so that <c>default(TConfig).X</c> inside a generic kernel folds to a constant and can size
/// shared memory. Only the speed depends on these values: the sorted permutation is unique (a stable sort)
/// and the summation chunks are fixed by <see cref="ReductionLayout"/>, so every configuration returns the
/// same bits.
/// </summary>
internal interface IReductionConfig
{
    /// <summary>Threads per group, G. Every reduction kernel is launched with groups of exactly G threads.</summary>
    int GroupSize { get; }

    /// <summary>
    /// Lanes S of one scatter sub-group: in a scatter round a thread counts equal digits among the earlier
    /// lanes of its own sub-group directly (S compares) and takes the earlier sub-groups' counts from a table.
    /// S must divide G.
    /// </summary>
    int SubgroupSize { get; }

    /// <summary>G / S, the number of scatter sub-groups in a group.</summary>
    int SubgroupCount { get; }

    /// <summary>(G / S) · 256, the length of the scatter's per-sub-group digit-count table in shared memory.</summary>
    int SubgroupTableLength { get; }

    /// <summary>Rounds R of G points that one group sorts per tile.</summary>
    int Rounds { get; }

    /// <summary>Points per sort tile, B = G · R: one digit histogram (256 counts) per tile.</summary>
    int TileSize { get; }

    /// <summary>Counts each thread scans sequentially in the count scan.</summary>
    int ScanItems { get; }

    /// <summary>Counts per scan tile, G · <see cref="ScanItems"/> (shared-memory length of the scan kernels).</summary>
    int ScanTileLength { get; }

    /// <summary>Most groups a grid-stride kernel is launched with (host-side only; does not change results).</summary>
    int MaxGroups { get; }
}
