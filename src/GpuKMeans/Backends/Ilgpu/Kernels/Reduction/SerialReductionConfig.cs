namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// Sizes for whole fits on ILGPU's CPU accelerator: one-thread groups (a multi-thread group's barrier costs an
/// OS-level rendezvous there), 256-point sort tiles and 256-count scan tiles. Gives the same bits as every
/// other configuration; the cooperating 16-thread <see cref="CpuReductionConfig"/> is checked by the reduction's
/// own tests.
/// </summary>
internal readonly struct SerialReductionConfig : IReductionConfig
{
    /// <inheritdoc/>
    public int GroupSize => 1;

    /// <inheritdoc/>
    public int SubgroupSize => 1;

    /// <inheritdoc/>
    public int SubgroupCount => 1;

    /// <inheritdoc/>
    public int SubgroupTableLength => 256;

    /// <inheritdoc/>
    public int Rounds => 256;

    /// <inheritdoc/>
    public int TileSize => 256;

    /// <inheritdoc/>
    public int ScanItems => 256;

    /// <inheritdoc/>
    public int ScanTileLength => 256;

    /// <inheritdoc/>
    public int MaxGroups => 64;
}
