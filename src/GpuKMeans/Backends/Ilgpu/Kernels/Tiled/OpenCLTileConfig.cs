namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// OpenCL: 8 × 8 = 64 threads (every OpenCL device takes a 64-thread work group), 8 × 8 micro-tiles →
/// a 64 × 64 block tile, d in chunks of 4. The core uses only barriers and local memory, no warp shuffles
/// (which ILGPU generates only for Intel OpenCL devices).
/// </summary>
internal readonly struct OpenCLTileConfig : ITileConfig
{
    /// <inheritdoc/>
    public int ThreadsPoints => 8;

    /// <inheritdoc/>
    public int ThreadsCentroids => 8;

    /// <inheritdoc/>
    public int Chunk => 4;

    /// <inheritdoc/>
    /// <remarks>no bound (launch bounds are a CUDA notion).</remarks>
    public int MinGroupsPerMultiprocessor => 0;
}
