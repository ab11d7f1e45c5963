using System.Runtime.CompilerServices;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// A thread's 8 × 8 register tile of partial dot products x_i · c_j: row i is one of its 8 points, column
/// j one of its 8 centroids. One d index adds the outer product a ⊗ b of the thread's 8 point values a and
/// 8 centroid values b: 64 FFMA for 16 operands, which is what makes the loop compute-bound (a one-pair
/// loop does 1 FFMA per 2 loads).
/// </summary>
internal readonly struct MicroTile
{
    /// <summary>Rows (points) in the order of <see cref="Vec8"/>'s elements.</summary>
    public readonly Vec8 R0, R1, R2, R3, R4, R5, R6, R7;

    /// <summary>A tile from its 8 rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MicroTile(Vec8 r0, Vec8 r1, Vec8 r2, Vec8 r3, Vec8 r4, Vec8 r5, Vec8 r6, Vec8 r7)
    {
        R0 = r0; R1 = r1; R2 = r2; R3 = r3;
        R4 = r4; R5 = r5; R6 = r6; R7 = r7;
    }

    /// <summary>Adds the outer product <c>a ⊗ b</c>: row i gains a_i · b (64 FFMA).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MicroTile AddOuterProduct(Vec8 a, Vec8 b) => new(
        R0.MultiplyAdd(a.V0, b), R1.MultiplyAdd(a.V1, b), R2.MultiplyAdd(a.V2, b), R3.MultiplyAdd(a.V3, b),
        R4.MultiplyAdd(a.V4, b), R5.MultiplyAdd(a.V5, b), R6.MultiplyAdd(a.V6, b), R7.MultiplyAdd(a.V7, b));
}
