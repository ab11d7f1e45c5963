namespace GpuKMeans.Tests.StaticLane;

/// <summary>
/// The one place that says how much of a hot kernel's inner loop must be FFMA on sm_90: the static lane fails a
/// catalog entry marked <c>Hot</c> whose hot-loop FFMA share (FFMA / all instructions of the loop body, see
/// <see cref="SassLoopMix"/>) is below the number here, so a change that makes the SASS of the distance loop
/// worse is caught on every commit. An entry marked Hot must have a number here.
/// </summary>
internal static class HotLoopTargets
{
    /// <summary>Minimum FFMA share of each hot entry's inner loop, keyed by catalog entry name.</summary>
    public static IReadOnlyDictionary<string, double> MinFfmaShare { get; } = new Dictionary<string, double>
    {
        // The tiled fused assignment (CUDA tile: 16 × 16 threads, 8 × 8 register micro-tile, d in chunks of 8 staged
        // through double-buffered shared memory). Its design puts 64 FFMA against 4 LDS.128 per d step; the hand
        // unroll by 2 gives a loop body of 128 FFMA, 8 LDS.128 and 7 address/branch instructions: share 128/143 =
        // 0.895 measured with ptxas 11.8 (docs/kernels.md). The floor is the 0.85 the design needs; anything lower
        // means the micro-tile or the 128-bit shared loads were lost.
        ["TiledAssignCuda"] = 0.85,
    };
}
