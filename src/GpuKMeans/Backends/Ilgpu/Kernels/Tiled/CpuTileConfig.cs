namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// ILGPU's CPU accelerator (at most 16 threads a group, each an OS thread): 4 × 4 threads, 8 × 8
/// micro-tiles → a 32 × 32 block tile, d in chunks of 2: one float4 per thread and operand, so it runs the
/// register-staged, double-buffered path of the CUDA tile with a cooperating group. TiledKernelTests check the
/// kernels in it at odd shapes; whole fits on that accelerator use <see cref="SerialTileConfig"/> (same bits,
/// no costly multi-thread barriers).
/// </summary>
internal readonly struct CpuTileConfig : ITileConfig
{
    /// <inheritdoc/>
    public int ThreadsPoints => 4;

    /// <inheritdoc/>
    public int ThreadsCentroids => 4;

    /// <inheritdoc/>
    public int Chunk => 2;

    /// <inheritdoc/>
    /// <remarks>no bound (not a CUDA configuration).</remarks>
    public int MinGroupsPerMultiprocessor => 0;
}
