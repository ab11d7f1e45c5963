namespace GpuKMeans.Tests.StaticLane;

/// <summary>
/// Theoretical occupancy on one sm_90 (H100/H200) SM, as CUDA's occupancy calculator computes it: 65,536 registers
/// allocated per warp in units of 256, at most 64 warps and 32 blocks, 228 KB of shared memory per SM (227 KB per
/// block) in units of 128 bytes plus the 1 KB CUDA reserves per block.
/// </summary>
/// <param name="BlockSize">Threads per block.</param>
/// <param name="ActiveBlocks">Resident blocks per SM.</param>
/// <param name="ActiveWarps">Resident warps per SM.</param>
/// <param name="Limiter">What bounds the resident blocks: "warps", "registers", "shared memory" or "blocks".</param>
internal sealed record Sm90Occupancy(int BlockSize, int ActiveBlocks, int ActiveWarps, string Limiter)
{
    private const int RegistersPerSm = 65536;
    private const int RegisterUnit = 256;
    private const int MaxWarps = 64;
    private const int MaxBlocks = 32;
    private const int SharedPerSm = 228 * 1024;
    private const int SharedPerBlock = 227 * 1024;
    private const int SharedUnit = 128;
    private const int SharedReservedPerBlock = 1024;

    /// <summary>Resident warps / 64.</summary>
    public double Occupancy => (double)ActiveWarps / MaxWarps;

    /// <summary>Occupancy of a kernel using <paramref name="registers"/> per thread and <paramref name="sharedBytes"/> per block.</summary>
    public static Sm90Occupancy Compute(int registers, int sharedBytes, int blockSize)
    {
        int warpsPerBlock = (blockSize + 31) / 32;
        int byWarps = MaxWarps / warpsPerBlock;
        int registersPerWarp = RoundUp(Math.Max(registers, 1) * 32, RegisterUnit);
        int byRegisters = RegistersPerSm / registersPerWarp / warpsPerBlock;
        int sharedPerBlock = RoundUp(sharedBytes, SharedUnit) + SharedReservedPerBlock;
        int byShared = sharedBytes > SharedPerBlock ? 0 : SharedPerSm / sharedPerBlock;
        (int blocks, string limiter) = new[]
        {
            (byWarps, "warps"), (byRegisters, "registers"), (byShared, "shared memory"), (MaxBlocks, "blocks"),
        }.MinBy(x => x.Item1);
        return new Sm90Occupancy(blockSize, blocks, blocks * warpsPerBlock, limiter);
    }

    private static int RoundUp(int value, int unit) => (value + unit - 1) / unit * unit;
}
