namespace GpuKMeans.Backends.Sharding;

/// <summary>
/// Points split in contiguous row ranges over several devices (shards), shard s holding rows
/// <c>[FirstRows[s], FirstRows[s] + Parts[s].Count)</c>. Each part may itself be resident or streamed.
/// </summary>
internal sealed class ShardedResidentPoints : IResidentPoints
{
    private volatile bool _disposed;

    public ShardedResidentPoints(IKMeansBackend sampleBackend, IReadOnlyList<IResidentPoints> parts)
    {
        if (parts.Count == 0)
            throw new ArgumentException("At least one shard is needed.", nameof(parts));
        SampleBackend = sampleBackend;
        Parts = parts;
        FirstRows = new int[parts.Count];
        int first = 0;
        for (int s = 0; s < parts.Count; s++)
        {
            FirstRows[s] = first;
            first = checked(first + parts[s].Count);
        }
        Count = first;
        Dimensions = parts[0].Dimensions;
    }

    /// <summary>Where sampled rows are measured (the silhouette): the first shard's device.</summary>
    public IKMeansBackend SampleBackend { get; }

    public IReadOnlyList<IResidentPoints> Parts { get; }

    public int[] FirstRows { get; }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>
    /// The first row of each of <paramref name="shards"/> near-equal contiguous parts of <paramref name="count"/> rows, each
    /// boundary on a multiple of <paramref name="granule"/> (so k-means++ blocks of that size never straddle two shards).
    /// </summary>
    public static int[] Boundaries(int count, int shards, int granule)
    {
        var bounds = new int[shards + 1];
        long granules = ((long)count + granule - 1) / granule;
        for (int s = 1; s < shards; s++)
            bounds[s] = (int)Math.Min(count, granules * s / shards * granule);
        bounds[shards] = count;
        return bounds;
    }

    public IFitWorkspace CreateWorkspace(bool ownsPoints = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new ShardedWorkspace(this, ownsPoints);
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        foreach (var part in Parts)
            part.Dispose();
    }
}
