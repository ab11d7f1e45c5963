using GpuKMeans.Data;

namespace GpuKMeans.Backends.Streaming;

/// <summary>
/// Points too large for a device's memory budget: they stay in their source (host memory or a file) and each fit
/// streams them through two device slots of <see cref="ChunkRows"/> rows, chunk after chunk, in row order.
/// </summary>
internal sealed class StreamedResidentPoints : IResidentPoints
{
    private volatile bool _disposed;

    /// <param name="backend">The device the chunks run on.</param>
    /// <param name="source">The (conditioned) points.</param>
    /// <param name="weights">One weight per point, or empty for all 1; kept by reference, never written.</param>
    /// <param name="chunkRows">
    /// Rows per chunk and per slot at most; rounded down to whole k-means++ blocks
    /// (<see cref="PartitionRules.SeedingBlockSize"/>, at least one), so that every chunk's blocks are the whole set's.
    /// </param>
    public StreamedResidentPoints(IKMeansBackend backend, IPointSource source, float[] weights, int chunkRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkRows);
        Backend = backend;
        Source = source;
        Weights = weights;
        int block = PartitionRules.SeedingBlockSize(source.Count);
        ChunkRows = Math.Min(Math.Max(block, chunkRows / block * block), source.Count);
    }

    public IKMeansBackend Backend { get; }

    public IPointSource Source { get; }

    public float[] Weights { get; }

    public int ChunkRows { get; }

    /// <summary>Number of chunks a pass over the points makes.</summary>
    public int ChunkCount => (int)(((long)Count + ChunkRows - 1) / ChunkRows);

    public int Count => Source.Count;

    public int Dimensions => Source.Dimensions;

    /// <summary>
    /// Rows per chunk for a budget of <paramref name="budgetBytes"/>: two slots of points, norms, weights and the
    /// per-point state of a workspace (labels twice, distances, closest distances) fill it.
    /// </summary>
    public static int ChunkRowsFor(long budgetBytes, int dimensions)
    {
        long bytesPerRow = sizeof(float) * ((long)dimensions + 6);
        return (int)Math.Clamp(budgetBytes / (2 * bytesPerRow), 1, int.MaxValue);
    }

    public IFitWorkspace CreateWorkspace(bool ownsPoints = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new StreamedWorkspace(this, ownsPoints);
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;   // the source belongs to whoever opened it
    }
}
