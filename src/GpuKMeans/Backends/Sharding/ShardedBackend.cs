namespace GpuKMeans.Backends.Sharding;

/// <summary>
/// Several devices as one backend: an upload splits the rows in contiguous near-equal shards (boundaries on k-means++
/// blocks), one per device, and every fit runs on all of them (<see cref="ShardedWorkspace"/>).
/// </summary>
internal sealed class ShardedBackend : IKMeansBackend
{
    public ShardedBackend(IReadOnlyList<IKMeansBackend> parts)
    {
        if (parts.Count == 0)
            throw new ArgumentException("At least one device is needed.", nameof(parts));
        Parts = parts;
        var names = parts.Select(p => p.DeviceName).Distinct().ToArray();
        DeviceName = names.Length == 1 ? $"{parts.Count} × {names[0]}" : string.Join(" + ", parts.Select(p => p.DeviceName));
    }

    public IReadOnlyList<IKMeansBackend> Parts { get; }

    public KMeansBackend Kind => Parts[0].Kind;

    public string Name => $"{Parts[0].Name} ×{Parts.Count}";

    public string DeviceName { get; }

    /// <summary>The smallest device's budget, which every shard gets.</summary>
    public long DefaultMemoryBudget => Parts.Min(p => p.DefaultMemoryBudget);

    public IResidentPoints Upload(ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights) =>
        Residency.Upload(this, points, dimensions, weights, budget: long.MaxValue);

    /// <exception cref="NotSupportedException">Always: each shard streams through slots of its own device.</exception>
    public IChunkSlot CreateChunkSlot(int rows, int dimensions) =>
        throw new NotSupportedException("A sharded backend streams each shard on its own device.");

    public void Dispose()
    {
        foreach (var part in Parts)
            part.Dispose();
    }
}
