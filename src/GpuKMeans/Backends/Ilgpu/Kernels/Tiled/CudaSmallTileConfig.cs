namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// CUDA for small k (≤ 64 centroids, and k-means++'s one-centre updates): 8 × 8 = 64 threads, 8 × 8 micro-tiles →
/// a 64 × 64 block tile, d in chunks of 4 (BM·Chunk = 4·threads: one float4 per thread and operand, the
/// register-staged path). A 128-wide <see cref="CudaTileConfig"/> tile would compute at least half of its columns
/// against padding when k ≤ 64; this tile wastes none at k = 64 and gives each SM four times as many (smaller)
/// groups to schedule. Shared memory: 2 × 4 × (64 + 4) floats per operand plus the 8 × 65 argmin scratch ≈ 8.5 KiB.
/// </summary>
internal readonly struct CudaSmallTileConfig : ITileConfig
{
    /// <summary>Threads of a group (read by the static lane's occupancy figure).</summary>
    public static int GroupSize => 64;

    /// <summary>The largest k this tile is chosen for (one block tile of centroids).</summary>
    public const int MaxClusters = 64;

    /// <inheritdoc/>
    public int ThreadsPoints => 8;

    /// <inheritdoc/>
    public int ThreadsCentroids => 8;

    /// <inheritdoc/>
    public int Chunk => 4;

    /// <inheritdoc/>
    /// <remarks>eight 64-thread groups per SM: ≤ 128 registers without spills (127 with ptxas 11.8; 147 unbounded,
    /// six groups).</remarks>
    public int MinGroupsPerMultiprocessor => 8;
}
