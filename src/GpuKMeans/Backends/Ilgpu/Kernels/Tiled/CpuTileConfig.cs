namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// ILGPU's CPU accelerator (at most 16 threads a group, each an OS thread): 4 × 4 threads, 8 × 8
/// micro-tiles → a 32 × 32 block tile, d in chunks of 2. Small, so the conformance tests on the CPU
/// accelerator stay fast while they exercise every edge the CUDA shape has.
/// </summary>
internal readonly struct CpuTileConfig : ITileConfig
{
    /// <inheritdoc/>
    public int ThreadsPoints => 4;

    /// <inheritdoc/>
    public int ThreadsCentroids => 4;

    /// <inheritdoc/>
    public int Chunk => 2;
}
