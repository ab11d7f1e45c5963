using System.Runtime.CompilerServices;

namespace GpuKMeans.Backends.Cpu.Pruning;

/// <summary>
/// The rounding arithmetic that keeps pruning exact. Bounds are on the true Euclidean distance between the
/// float vectors; the kernels' expanded-form distance <c>D = ‖x‖² + ‖c‖² − 2x·c</c> (float, fused chains)
/// differs from the true squared distance by at most <c>M = κ·(‖x‖² + max‖c‖²)</c>, with
/// <c>κ = (4d + 16)·2⁻²⁴</c> — about twice the worst case of the dot product and norm chains (each within
/// <c>d·2⁻²⁴</c> of their magnitude), the sum and the final fused multiply-add. So a centroid whose lower bound
/// exceeds <c>√(D_assigned + M)</c> has <c>D &gt; D_assigned</c> strictly: it cannot be Lloyd's choice, not even on a tie.
/// Every stored bound is rounded in the safe direction.
/// </summary>
internal static class PruningMargin
{
    /// <summary>Relative slack that covers one float rounding with room to spare (2⁻²⁰ ≫ 2⁻²⁴).</summary>
    public const double Slack = 1.0 / (1 << 20);

    /// <summary>
    /// Relative error allowed for a running total of drifts in double (2⁻³⁰): each addition rounds by 2⁻⁵³ of the
    /// total, so it covers 2²² steps.
    /// </summary>
    public const double TotalSlack = 1.0 / (1 << 30);

    /// <summary>The factor applied after each float bound decay, which absorbs its rounding (2⁻²² ≫ 2⁻²⁴).</summary>
    public const float DecayScale = 1f - 1f / (1 << 22);

    /// <summary>κ of the error bound for <paramref name="dimensions"/> features.</summary>
    public static double Kappa(int dimensions) => (4.0 * dimensions + 16.0) / (1 << 24);

    /// <summary>
    /// The margin M of a point with squared norm <paramref name="pointNorm"/>: κ·(‖x‖² + max‖c‖²), plus an absolute
    /// floor for subnormal data, whose rounding errors are absolute (about 2⁻¹⁴⁹ per operation), not relative.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Margin(double kappa, float pointNorm, double maxCentroidNorm) =>
        kappa * (pointNorm + maxCentroidNorm) + 1e-38;

    /// <summary>An upper bound on the true distance from <c>D + M</c> (a kernel distance plus its margin): its root, rounded up to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Upper(double reach) => (float)(Math.Sqrt(reach) * (1 + Slack));

    /// <summary>The factor that rounds a float square root down (2⁻²⁰ ≫ two roundings of 2⁻²⁴).</summary>
    public const float LowerScale = 1f - 1f / (1 << 20);

    /// <summary>
    /// The margin <paramref name="margin"/> as the float <see cref="Lower"/> subtracts: 1.25·M rounded up. The extra
    /// quarter covers the float subtraction's rounding: a kernel distance is at most <c>2(‖x‖² + ‖c‖²) + M</c>, and
    /// κ ≥ 20·2⁻²⁴, so that rounding is below <c>M / 9</c>.
    /// </summary>
    public static float LowerMargin(double margin) => (float)(1.25 * margin * (1 + Slack));

    /// <summary>
    /// A lower bound on the true distance from a kernel distance: <c>√max(0, D − M)</c>, rounded down, with
    /// <paramref name="lowerMargin"/> from <see cref="LowerMargin"/>. +∞ stays +∞ (a padding lane, an empty group).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Lower(float distance, float lowerMargin)
    {
        float squared = distance - lowerMargin;
        return squared > 0f ? MathF.Sqrt(squared) * LowerScale : 0f;
    }

    /// <summary>A length computed in double from float vectors, rounded up to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float RoundUp(double length) => (float)(length * (1 + Slack));

    /// <summary>A length computed in double from float vectors, rounded down to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float RoundDown(double length) => (float)(length * (1 - Slack));
}
