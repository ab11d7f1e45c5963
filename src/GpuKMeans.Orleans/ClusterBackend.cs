using GpuKMeans.Backends;
using GpuKMeans.Backends.Cpu;

namespace GpuKMeans.Orleans;

/// <summary>
/// The cluster as the solver's backend: it names the workers' devices in the result, and measures sampled rows (the
/// silhouette of split points) on the coordinator's CPU. Points are never uploaded through it: the shard grains load them.
/// </summary>
internal sealed class ClusterBackend(IReadOnlyList<ShardInfo> shards) : IKMeansBackend
{
    private readonly CpuBackend _local = new();

    public KMeansBackend Kind => KMeansBackend.Cpu;

    public string Name => $"Orleans cluster ({string.Join(", ", shards.Select(s => s.Backend).Distinct())}) ×{shards.Count}";

    public string DeviceName => string.Join(" + ", shards.Select(s => $"{s.Device} @ {s.Worker}"));

    public long DefaultMemoryBudget => _local.DefaultMemoryBudget;

    public IResidentPoints Upload(ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights) =>
        _local.Upload(points, dimensions, weights);

    /// <exception cref="NotSupportedException">Always: the workers stream their own shards.</exception>
    public IChunkSlot CreateChunkSlot(int rows, int dimensions) =>
        throw new NotSupportedException("A cluster's shards stream on their workers' devices.");

    public void Dispose() => _local.Dispose();
}
