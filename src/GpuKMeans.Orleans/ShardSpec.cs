namespace GpuKMeans.Orleans;

/// <summary>
/// Where a shard's rows are and how to condition them: rows <c>[FirstRow, FirstRow + RowCount)</c> of a little-endian
/// float32 row-major file whose row 0 starts at byte <see cref="DataOffset"/>, transformed as
/// <c>(x − ConditioningOffset) · 2^ConditioningExponent</c> exactly as the coordinator chose for the whole file.
/// </summary>
/// <param name="Path">The file, as the worker sees it (the same path on every machine); only read.</param>
/// <param name="DataOffset">Byte offset of row 0 (the header length of a <c>.npy</c>, 0 for a raw file).</param>
/// <param name="FirstRow">The shard's first row in the file.</param>
/// <param name="RowCount">The shard's rows.</param>
/// <param name="Dimensions">Values per row.</param>
/// <param name="ConditioningOffset">The translation subtracted from every row, or null.</param>
/// <param name="ConditioningExponent">The power of two applied after the translation.</param>
[GenerateSerializer, Immutable]
public sealed record ShardSpec(
    [property: Id(0)] string Path,
    [property: Id(1)] long DataOffset,
    [property: Id(2)] int FirstRow,
    [property: Id(3)] int RowCount,
    [property: Id(4)] int Dimensions,
    [property: Id(5)] double[]? ConditioningOffset,
    [property: Id(6)] int ConditioningExponent);

/// <summary>Where a loaded shard lives.</summary>
/// <param name="Worker">The worker's silo endpoint, <c>HOST:PORT</c>.</param>
/// <param name="Backend">The backend its rows are resident on ("CPU", "CUDA", …).</param>
/// <param name="Device">The device's name.</param>
[GenerateSerializer, Immutable]
public sealed record ShardInfo([property: Id(0)] string Worker, [property: Id(1)] string Backend, [property: Id(2)] string Device);

/// <summary>The partial statistics of a shard's points (per-cluster sums and weights, inertia, label changes).</summary>
/// <param name="Sums">Row-major <c>k × d</c> weighted coordinate sums.</param>
/// <param name="Weights">Weight of each cluster.</param>
/// <param name="Inertia">The shard's inertia.</param>
/// <param name="LabelChangeCount">Labels that changed since the previous step.</param>
[GenerateSerializer, Immutable]
public sealed record ShardStatistics(
    [property: Id(0)] double[] Sums,
    [property: Id(1)] double[] Weights,
    [property: Id(2)] double Inertia,
    [property: Id(3)] long LabelChangeCount);
