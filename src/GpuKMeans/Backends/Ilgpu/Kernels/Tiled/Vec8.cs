using System.Runtime.CompilerServices;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// Eight floats held in registers: one side of a thread's 8 × 8 micro-tile (its 8 point values or its 8
/// centroid values at one d index), or one row of accumulators. Fields, not an array, because ILGPU 1.5.3
/// does not unroll loops: a loop-indexed array would live in local memory, named fields become registers.
/// </summary>
/// <remarks>Elements 0–3 are the thread's first float4 of the tile side, 4–7 its second (BM/2 further on).</remarks>
internal readonly struct Vec8
{
    /// <summary>Elements in order.</summary>
    public readonly float V0, V1, V2, V3, V4, V5, V6, V7;

    /// <summary>Eight values in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec8(float v0, float v1, float v2, float v3, float v4, float v5, float v6, float v7)
    {
        V0 = v0; V1 = v1; V2 = v2; V3 = v3;
        V4 = v4; V5 = v5; V6 = v6; V7 = v7;
    }

    /// <summary>Two float4 (two 128-bit shared loads) side by side.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec8(TileFloat4 low, TileFloat4 high)
        : this(low.X, low.Y, low.Z, low.W, high.X, high.Y, high.Z, high.W)
    {
    }

    /// <summary>All elements equal to <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec8 Broadcast(float value) => new(value, value, value, value, value, value, value, value);

    /// <summary>
    /// <c>this + s · b</c> element-wise: 8 multiply-adds that ptxas contracts into 8 FFMA (ILGPU emits
    /// <c>mul.f32</c>/<c>add.f32</c> without <c>.rn</c>, which allows the contraction; FusedMultiplyAdd itself
    /// fails in ptxas through ILGPU).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec8 MultiplyAdd(float s, Vec8 b) => new(
        V0 + s * b.V0, V1 + s * b.V1, V2 + s * b.V2, V3 + s * b.V3,
        V4 + s * b.V4, V5 + s * b.V5, V6 + s * b.V6, V7 + s * b.V7);
}
