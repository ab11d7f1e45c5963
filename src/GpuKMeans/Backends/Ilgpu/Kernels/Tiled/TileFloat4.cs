using System.Runtime.CompilerServices;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// Four floats read or written as one 16-byte value. A shared-memory float buffer viewed through
/// <c>ArrayView&lt;float&gt;.Cast&lt;TileFloat4&gt;()</c> is aligned to 16 bytes by ILGPU's alloca alignment
/// analysis (a view cast to a power-of-two-sized struct raises the allocation's alignment to that size), so
/// the PTX backend loads an element with one <c>ld.shared.v4.f32</c> (LDS.128 in SASS).
/// </summary>
internal readonly struct TileFloat4
{
    /// <summary>Element 0.</summary>
    public readonly float X;

    /// <summary>Element 1.</summary>
    public readonly float Y;

    /// <summary>Element 2.</summary>
    public readonly float Z;

    /// <summary>Element 3.</summary>
    public readonly float W;

    /// <summary>Four values in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TileFloat4(float x, float y, float z, float w)
    {
        X = x;
        Y = y;
        Z = z;
        W = w;
    }
}
