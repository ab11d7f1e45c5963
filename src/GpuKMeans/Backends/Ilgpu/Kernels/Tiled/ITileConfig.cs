namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// The compile-time shape of the tiled distance core. Every member must return a constant: the kernels read
/// them through <c>default(TConfig)</c>, ILGPU inlines the getters, and the values size shared memory
/// (<c>SharedMemory.Allocate</c> needs a constant) and fold the tile arithmetic into immediates.
/// </summary>
/// <remarks>
/// <para>
/// A group of <see cref="ThreadsPoints"/> × <see cref="ThreadsCentroids"/> threads owns a block tile of
/// BM = 8·<see cref="ThreadsPoints"/> points and, one after another, every block tile of
/// BN = 8·<see cref="ThreadsCentroids"/> centroids. Each thread holds an 8 × 8 register micro-tile of dot
/// products (<see cref="MicroTile"/>): rows {4·tp … 4·tp+3} ∪ {BM/2 + 4·tp …} and columns
/// {4·tc … 4·tc+3} ∪ {BN/2 + 4·tc …}, so its operands are two aligned float4 per side and the 16 threads
/// of a half-warp read 16 distinct float4 (no shared-memory bank conflict).
/// </para>
/// <para>
/// The dimension d is walked in chunks of <see cref="Chunk"/> values staged through double-buffered shared
/// memory: by one float4 per thread and operand held in registers across the compute (the GPU configurations,
/// BM·Chunk = 4·threads), or by a strided loop for any other shape (<see cref="TileShape.RegisterStaged{TConfig}"/>).
/// BM = BN; <see cref="TileShape.Validate{TConfig}"/> enforces the rules.
/// </para>
/// </remarks>
internal interface ITileConfig
{
    /// <summary>Threads of a group along the points (tp ∈ [0, ThreadsPoints)).</summary>
    int ThreadsPoints { get; }

    /// <summary>Threads of a group along the centroids (tc ∈ [0, ThreadsCentroids)); the fastest thread index.</summary>
    int ThreadsCentroids { get; }

    /// <summary>Values of d staged per step (a power of two).</summary>
    int Chunk { get; }

    /// <summary>
    /// Groups the argmin kernels (assignment, k-means++ update) must fit on one SM, passed to ptxas as launch bounds
    /// (<c>.maxntid</c> threads, <c>.minnctapersm</c>), which caps the registers a thread; 0 leaves the register
    /// count to ptxas. Host-side only (CUDA configurations); <see cref="TileShape.ArgminSpecialization{TConfig}"/>.
    /// </summary>
    int MinGroupsPerMultiprocessor { get; }
}
