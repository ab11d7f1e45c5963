using System.Runtime.CompilerServices;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// The sizes derived from a <see cref="ITileConfig"/>. Every method folds to a constant once ILGPU inlines
/// it for a concrete configuration type, so the results can size shared memory.
/// </summary>
/// <remarks>
/// Shared layout of one operand buffer: d-major, <c>[Chunk][Stride]</c> with Stride = BlockRows + 4. The
/// 4 floats of padding keep every row of the buffer 16-byte aligned (float4 reads) and spread the staging
/// stores, where 8 consecutive threads write 8 consecutive d values of one point, over distinct banks.
/// </remarks>
internal static class TileShape
{
    /// <summary>Registers per thread along each side of the micro-tile (<see cref="MicroTile"/>).</summary>
    public const int Micro = 8;

    /// <summary>Values of each operand one thread stages per chunk on the register-staged path (one float4).</summary>
    public const int StagedPerThread = 4;

    /// <summary>
    /// True when every thread stages exactly one float4 per operand and chunk (BM·Chunk = 4·threads): the
    /// register-staged path, values of chunk s + 1 in flight while chunk s computes. Other configurations take the
    /// looped path (<see cref="TiledDistanceCore"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool RegisterStaged<TConfig>() where TConfig : struct, ITileConfig =>
        BlockPoints<TConfig>() * default(TConfig).Chunk == StagedPerThread * Threads<TConfig>();

    /// <summary>Threads of a group.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Threads<TConfig>() where TConfig : struct, ITileConfig =>
        default(TConfig).ThreadsPoints * default(TConfig).ThreadsCentroids;

    /// <summary>BM: points of a block tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BlockPoints<TConfig>() where TConfig : struct, ITileConfig => Micro * default(TConfig).ThreadsPoints;

    /// <summary>BN: centroids of a block tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BlockCentroids<TConfig>() where TConfig : struct, ITileConfig => Micro * default(TConfig).ThreadsCentroids;

    /// <summary>Floats between consecutive d values of the staged points tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PointStride<TConfig>() where TConfig : struct, ITileConfig => BlockPoints<TConfig>() + 4;

    /// <summary>Floats between consecutive d values of the staged centroid tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CentroidStride<TConfig>() where TConfig : struct, ITileConfig => BlockCentroids<TConfig>() + 4;

    /// <summary>Floats of one points buffer (one chunk).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PointBuffer<TConfig>() where TConfig : struct, ITileConfig => default(TConfig).Chunk * PointStride<TConfig>();

    /// <summary>Floats of one centroid buffer (one chunk).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CentroidBuffer<TConfig>() where TConfig : struct, ITileConfig => default(TConfig).Chunk * CentroidStride<TConfig>();

    /// <summary>Stride of the argmin scratch: BM + 1, so a warp's partial-best stores hit distinct banks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ScratchStride<TConfig>() where TConfig : struct, ITileConfig => BlockPoints<TConfig>() + 1;

    /// <summary>Floats (and ints) of the argmin scratch: one partial best per (thread column, point).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ScratchSize<TConfig>() where TConfig : struct, ITileConfig =>
        default(TConfig).ThreadsCentroids * ScratchStride<TConfig>();

    /// <summary>Static shared memory of the argmin kernels in bytes (both double buffers and the scratch).</summary>
    public static int SharedBytes<TConfig>() where TConfig : struct, ITileConfig =>
        4 * (2 * PointBuffer<TConfig>() + 2 * CentroidBuffer<TConfig>() + 2 * ScratchSize<TConfig>());

    /// <summary>
    /// The launch bounds the argmin kernels compile with for <paramref name="architecture"/>: the group size and
    /// <see cref="ITileConfig.MinGroupsPerMultiprocessor"/> groups per SM on sm_90 and newer (where ptxas 11.8 fits the
    /// bound without spills), none where that is 0, on older architectures (sm_80's ptxas unrolls the compute loop
    /// and would spill a few registers under the same bound) or when the architecture is unknown.
    /// </summary>
    public static KernelSpecialization ArgminSpecialization<TConfig>(CudaArchitecture? architecture) where TConfig : struct, ITileConfig =>
        default(TConfig).MinGroupsPerMultiprocessor > 0 && architecture is { } arch && arch >= CudaArchitecture.SM_90
            ? new KernelSpecialization(Threads<TConfig>(), default(TConfig).MinGroupsPerMultiprocessor)
            : KernelSpecialization.Empty;

    /// <summary>
    /// Throws unless <typeparamref name="TConfig"/> fits the core: a square tile (BM = BN), Chunk an even power of
    /// two (the compute loop takes d offsets in pairs), and, where a thread stages exactly one float4 per operand
    /// (<see cref="RegisterStaged{TConfig}"/>), Chunk dividing the group; the group size within
    /// <paramref name="maxGroupSize"/>.
    /// </summary>
    public static void Validate<TConfig>(int maxGroupSize) where TConfig : struct, ITileConfig
    {
        var config = default(TConfig);
        int threads = Threads<TConfig>();
        int chunk = config.Chunk;
        if (chunk < 2 || (chunk & (chunk - 1)) != 0)
            throw new InvalidOperationException($"{typeof(TConfig).Name}: Chunk {chunk} must be an even power of two.");
        if (BlockPoints<TConfig>() != BlockCentroids<TConfig>())
            throw new InvalidOperationException($"{typeof(TConfig).Name}: the tile must be square (BM = BN).");
        if (RegisterStaged<TConfig>() && threads % chunk != 0)
            throw new InvalidOperationException($"{typeof(TConfig).Name}: Chunk {chunk} must divide the {threads} threads.");
        if (threads > maxGroupSize)
            throw new InvalidOperationException($"{typeof(TConfig).Name}: {threads} threads exceed the accelerator's {maxGroupSize}.");
    }
}
