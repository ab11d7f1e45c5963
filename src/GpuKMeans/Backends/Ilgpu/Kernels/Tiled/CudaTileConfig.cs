namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// CUDA: 16 × 16 = 256 threads, 8 × 8 micro-tiles → a 128 × 128 block tile, d in chunks of 8.
/// Shared memory: 2 buffers × 8 × (128 + 4) floats per operand (16.5 KiB) plus the 16 KiB argmin scratch,
/// under the 48 KiB static limit. At ≈ 156 registers a thread (docs/kernels.md) one group is resident per SM.
/// </summary>
internal readonly struct CudaTileConfig : ITileConfig
{
    /// <summary>Threads of a group (read by the static lane's occupancy figure).</summary>
    public static int GroupSize => 256;

    /// <inheritdoc/>
    public int ThreadsPoints => 16;

    /// <inheritdoc/>
    public int ThreadsCentroids => 16;

    /// <inheritdoc/>
    public int Chunk => 8;
}
