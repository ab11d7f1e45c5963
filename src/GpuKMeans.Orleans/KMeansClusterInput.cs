namespace GpuKMeans.Orleans;

/// <summary>
/// The points of a cluster fit: little-endian float32 values, row-major, in a file that the coordinator and every worker
/// can read at the same <see cref="Path"/> (a shared or replicated file system). The file is only ever read.
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="Dimensions">Values per row <c>d</c>.</param>
/// <param name="Rows">Rows <c>n</c>.</param>
/// <param name="DataOffset">Byte offset of row 0: the header length of a C-ordered <c>&lt;f4</c> <c>.npy</c>, 0 for a raw file.</param>
public sealed record KMeansClusterInput(string Path, int Dimensions, int Rows, long DataOffset = 0);

/// <summary>A finished cluster fit: the result, and where its shards ran.</summary>
/// <param name="Result">The fit, as a local fit of the same shard partition would return it, bit for bit.</param>
/// <param name="Workers">The worker (silo endpoint) of each shard, in shard order.</param>
/// <param name="Devices">The device of each shard, in shard order.</param>
public sealed record KMeansClusterFit(KMeansResult Result, IReadOnlyList<string> Workers, IReadOnlyList<string> Devices);
