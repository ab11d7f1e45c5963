namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// CUDA: 16 × 16 = 256 threads, 8 × 8 micro-tiles → a 128 × 128 block tile, d in chunks of 8.
/// Shared memory: 2 buffers × 8 × (128 + 4) floats per operand (16.5 KiB) plus the 16 KiB argmin scratch,
/// under the 48 KiB static limit. Launch bounds of two groups per SM on sm_90 (<see cref="MinGroupsPerMultiprocessor"/>)
/// hold the argmin kernels to ≤ 128 registers a thread without spills (docs/kernels.md).
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

    /// <inheritdoc/>
    /// <remarks>two 256-thread groups per SM: ptxas fits the kernel in ≤ 128 registers without spills (122 for the
    /// assignment with ptxas 11.8; 148 unbounded, one group per SM). Not applied to the distance matrix (it would spill).</remarks>
    public int MinGroupsPerMultiprocessor => 2;
}
