using System.Numerics;
using System.Runtime.CompilerServices;

namespace GpuKMeans.Backends.Cpu.Pruning;

/// <summary>Vector loops over distances in panel order, with a scalar tail.</summary>
internal static class TileRow
{
    /// <summary>Per value, <see cref="PruningMargin.Lower"/> with the float margin <paramref name="margin"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LowerBounds(ReadOnlySpan<float> distances, Span<float> bounds, float margin)
    {
        int lanes = Vector<float>.Count, i = 0;
        var m = new Vector<float>(margin);
        var scale = new Vector<float>(PruningMargin.LowerScale);
        for (; i + lanes <= distances.Length; i += lanes)
        {
            var squared = Vector.Max(new Vector<float>(distances[i..]) - m, Vector<float>.Zero);
            (Vector.SquareRoot(squared) * scale).CopyTo(bounds[i..]);
        }
        for (; i < distances.Length; i++)
            bounds[i] = PruningMargin.Lower(distances[i], margin);
    }
}
