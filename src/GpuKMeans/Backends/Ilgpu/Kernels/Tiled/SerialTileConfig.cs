namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// The tile ILGPU's CPU accelerator runs inside whole fits: one thread a group, 8 × 8 block tile, d in
/// chunks of 16 through the looped staging path. On that accelerator every group barrier of a multi-thread
/// group is an OS-level rendezvous (≈ 100–180 µs measured for 4–16 threads on the 2-core CI machine, 0.5 µs for one thread), so
/// the cooperating 16-thread <see cref="CpuTileConfig"/> is checked kernel by kernel (TiledKernelTests) and this
/// configuration, which runs the same core and gives the same bits, serves the backend.
/// </summary>
internal readonly struct SerialTileConfig : ITileConfig
{
    /// <inheritdoc/>
    public int ThreadsPoints => 1;

    /// <inheritdoc/>
    public int ThreadsCentroids => 1;

    /// <inheritdoc/>
    public int Chunk => 16;

    /// <inheritdoc/>
    /// <remarks>no bound (not a CUDA configuration).</remarks>
    public int MinGroupsPerMultiprocessor => 0;
}
