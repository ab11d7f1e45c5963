using GpuKMeans.Backends.Sharding;
using GpuKMeans.Backends.Streaming;
using GpuKMeans.Data;

namespace GpuKMeans.Backends;

/// <summary>
/// Where uploaded points live: split over the devices of a <see cref="ShardedBackend"/>, then on each device resident
/// when they fit its memory budget, else streamed from their host copy or file in chunks
/// (<see cref="StreamedResidentPoints"/>). The budget counts the points, their norms and weights.
/// </summary>
internal static class Residency
{
    /// <summary>Bytes the points of <paramref name="rows"/> rows take on a device: values, norm and weight.</summary>
    public static long ResidentBytes(long rows, int dimensions) => rows * ((long)dimensions + 2) * sizeof(float);

    /// <summary>Points in memory; <paramref name="budget"/> null means the device's <see cref="IKMeansBackend.DefaultMemoryBudget"/>.</summary>
    public static IResidentPoints Upload(IKMeansBackend backend, ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights, long? budget)
    {
        int n = points.Length / dimensions;
        if (backend is ShardedBackend)   // one copy on the host, split by the source path below
            return Upload(backend, new MemoryPointSource(points.ToArray(), dimensions), weights.ToArray(), budget);
        long limit = budget ?? backend.DefaultMemoryBudget;
        if (n == 0 || ResidentBytes(n, dimensions) <= limit)
            return backend.Upload(points, dimensions, weights);
        return new StreamedResidentPoints(backend, new MemoryPointSource(points.ToArray(), dimensions), weights.ToArray(),
            StreamedResidentPoints.ChunkRowsFor(limit, dimensions));
    }

    /// <summary>Points read from <paramref name="source"/> (a file too large for memory stays a file).</summary>
    public static IResidentPoints Upload(IKMeansBackend backend, IPointSource source, float[] weights, long? budget)
    {
        int n = source.Count, d = source.Dimensions;
        if (backend is ShardedBackend sharded)
        {
            var bounds = ShardedResidentPoints.Boundaries(n, sharded.Parts.Count, PartitionRules.SeedingBlockSize(n));
            var parts = new List<IResidentPoints>();
            try
            {
                for (int s = 0; s < sharded.Parts.Count; s++)
                {
                    int first = bounds[s], rows = bounds[s + 1] - bounds[s];
                    if (rows == 0)
                        continue;   // fewer k-means++ blocks than devices: this device gets no shard
                    parts.Add(Upload(sharded.Parts[s], new RowRangeSource(source, first, rows),
                        weights.Length == 0 ? [] : weights.AsSpan(first, rows).ToArray(), budget));
                }
            }
            catch
            {
                parts.ForEach(p => p.Dispose());
                throw;
            }
            return new ShardedResidentPoints(sharded.Parts[0], parts);
        }
        long limit = budget ?? backend.DefaultMemoryBudget;
        if (ResidentBytes(n, d) <= limit)
            return source is MemoryPointSource memory ? backend.Upload(memory.Read(0, n, default), d, weights) : backend.Upload(source, weights);
        return new StreamedResidentPoints(backend, source, weights, StreamedResidentPoints.ChunkRowsFor(limit, d));
    }

    /// <summary>Rows <c>[first, first + count)</c> of another source.</summary>
    private sealed class RowRangeSource(IPointSource inner, int first, int count) : IPointSource
    {
        public int Count => count;

        public int Dimensions => inner.Dimensions;

        public ReadOnlySpan<float> Read(int firstRow, int rowCount, Span<float> scratch) => inner.Read(first + firstRow, rowCount, scratch);
    }
}
