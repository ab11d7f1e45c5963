using Xunit;
namespace GpuKMeans.Tests.Reference;

/// <summary>
/// The one tolerance table every comparison with the scalar reference uses, and why each value holds.
/// </summary>
public static class Tolerances
{
    /// <summary>
    /// Distances: the device computes ‖x‖² + ‖c‖² − 2x·c in float, so its error scales with the norms, not
    /// with the distance: |device − reference| ≤ 1e-5 · (‖x‖² + ‖c‖²) (float's 6e-8 times a d ≤ 130 dot product).
    /// </summary>
    public const double Distance = 1e-5;

    /// <summary>
    /// Labels must equal the reference's, except where the reference's best and second-best distances are
    /// within <see cref="Distance"/> of each other on the same scale: there, either is a right answer.
    /// </summary>
    public const double LabelTie = Distance;

    /// <summary>Sums and inertia are double accumulations of the same float products: 1e-9 of Σ |terms|.</summary>
    public const double Sum = 1e-9;

    /// <summary>Whole fits: centroids within 1e-5 of the reference, relative to max(|value|, 1).</summary>
    public const double Centroid = 1e-5;

    public static bool Close(double actual, double expected, double scale, double relative) =>
        Math.Abs(actual - expected) <= relative * scale;
}
