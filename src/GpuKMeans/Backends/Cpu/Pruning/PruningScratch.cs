namespace GpuKMeans.Backends.Cpu.Pruning;

/// <summary>One worker's scratch for <see cref="PrunedRows"/>: a distance tile for four rows and their lists of groups to evaluate.</summary>
internal sealed class PruningScratch(PruningState state, int blockedLength)
{
    /// <summary>The blocked Lloyd kernel's scratch, for a step that runs it (empty otherwise).</summary>
    public float[] Blocked { get; } = new float[blockedLength];

    /// <summary><c>4 × Padded</c> distances in panel order, laid out as the kernel's tile.</summary>
    public float[] Tile { get; } = new float[4 * state.Padded];

    /// <summary>Per row of the four, the blocks to evaluate, at <c>q × BlockCount</c>.</summary>
    public int[] Needed { get; } = new int[4 * state.BlockCount];

    public int[] NeededCount { get; } = new int[4];

    /// <summary>The minimum of each evaluated group of one row, in evaluation order.</summary>
    public float[] GroupMin { get; } = new float[state.BlockCount];

    /// <summary>Per row, whether the block of its previous centroid is among those evaluated.</summary>
    public bool[] AssignedEvaluated { get; } = new bool[4];

    /// <summary>Per row of a chunk (at most <see cref="ChunkRows"/>), the kernel distance to its previous centroid.</summary>
    public float[] AssignedRows { get; } = new float[ChunkRows];

    /// <summary>Most rows per call of <see cref="PrunedRows.Assign"/>.</summary>
    public const int ChunkRows = 512;

    /// <summary>Per row of the four, the kernel distance to its previous centroid.</summary>
    public float[] Assigned { get; } = new float[4];

    /// <summary>Per row, its margin <c>M</c>.</summary>
    public double[] Margin { get; } = new double[4];

}
