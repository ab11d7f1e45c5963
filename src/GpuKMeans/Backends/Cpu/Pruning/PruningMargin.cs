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

    /// <summary>The factor applied after each float bound decay, which absorbs its rounding (2⁻²² ≫ 2⁻²⁴).</summary>
    public const float DecayScale = 1f - 1f / (1 << 22);

    /// <summary>κ of the error bound for <paramref name="dimensions"/> features.</summary>
    public static double Kappa(int dimensions) => (4.0 * dimensions + 16.0) / (1 << 24);

    /// <summary>An upper bound on the true distance from a kernel distance: <c>√(D + M)</c>, rounded up to float.</summary>
    public static float Upper(float distance, double margin) =>
        (float)(Math.Sqrt(distance + margin) * (1 + Slack));

    /// <summary>A lower bound on the true distance from a kernel distance: <c>√max(0, D − M)</c>, rounded down.</summary>
    public static float Lower(float distance, double margin)
    {
        if (float.IsPositiveInfinity(distance))
            return float.PositiveInfinity;
        double squared = distance - margin;
        return squared <= 0 ? 0f : (float)(Math.Sqrt(squared) * (1 - Slack));
    }

    /// <summary>A length computed in double from float vectors, rounded up to float.</summary>
    public static float RoundUp(double length) => (float)(length * (1 + Slack));

    /// <summary>A length computed in double from float vectors, rounded down to float.</summary>
    public static float RoundDown(double length) => (float)(length * (1 - Slack));
}
