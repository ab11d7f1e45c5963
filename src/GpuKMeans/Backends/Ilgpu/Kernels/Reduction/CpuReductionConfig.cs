namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// Sizes for ILGPU's CPU accelerator, whose groups hold at most 16 threads (each simulated by an OS thread):
/// 16-thread groups, 4-lane scatter sub-groups, 64-point sort tiles and 64-count scan tiles.
/// </summary>
internal readonly struct CpuReductionConfig : IReductionConfig
{
    /// <inheritdoc/>
    public int GroupSize => 16;

    /// <inheritdoc/>
    public int SubgroupSize => 4;

    /// <inheritdoc/>
    public int SubgroupCount => 4;

    /// <inheritdoc/>
    public int SubgroupTableLength => 1024;

    /// <inheritdoc/>
    public int Rounds => 4;

    /// <inheritdoc/>
    public int TileSize => 64;

    /// <inheritdoc/>
    public int ScanItems => 4;

    /// <inheritdoc/>
    public int ScanTileLength => 64;

    /// <inheritdoc/>
    public int MaxGroups => 64;
}
