namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// Sizes for GPUs (CUDA, OpenCL): 256-thread groups, 32-lane scatter sub-groups, 2048-point sort tiles and
/// 2048-count scan tiles. Shared memory per group stays under 12 KiB (2048 + 256 + 256 ints in the scatter).
/// </summary>
internal readonly struct CudaReductionConfig : IReductionConfig
{
    /// <inheritdoc/>
    public int GroupSize => 256;

    /// <inheritdoc/>
    public int SubgroupSize => 32;

    /// <inheritdoc/>
    public int SubgroupCount => 8;

    /// <inheritdoc/>
    public int SubgroupTableLength => 2048;

    /// <inheritdoc/>
    public int Rounds => 8;

    /// <inheritdoc/>
    public int TileSize => 2048;

    /// <inheritdoc/>
    public int ScanItems => 8;

    /// <inheritdoc/>
    public int ScanTileLength => 2048;

    /// <inheritdoc/>
    public int MaxGroups => 65536;
}
