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
        // The naive one-thread-per-point AssignLabels reads every operand with a generic 32-bit load and
        // recomputes 64-bit addresses per element: ptxas 11.8 unrolls its distance loop 4x into 64 instructions
        // holding 4 FFMA and 8 generic loads (share 0.0625, measured for docs/kernels.md). The floor sits a little
        // under that so it only guards against regressions; the tiled, explicitly grouped kernel that replaces it
        // keeps operands in registers and shared memory, and its entry raises this floor to what it reaches.
        ["AssignLabels"] = 0.06,
    };
}
