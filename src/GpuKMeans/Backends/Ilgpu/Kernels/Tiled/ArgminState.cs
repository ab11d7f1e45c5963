using System.Runtime.CompilerServices;
using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// A thread's running argmin for its 8 points (the rows of its <see cref="MicroTile"/>), kept in registers
/// across every centroid tile, then merged across the ThreadsCentroids threads that share those points.
/// </summary>
internal readonly struct ArgminState
{
    /// <summary>One per micro-tile row.</summary>
    public readonly BestPair P0, P1, P2, P3, P4, P5, P6, P7;

    /// <summary>A state from its 8 pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ArgminState(BestPair p0, BestPair p1, BestPair p2, BestPair p3, BestPair p4, BestPair p5, BestPair p6, BestPair p7)
    {
        P0 = p0; P1 = p1; P2 = p2; P3 = p3;
        P4 = p4; P5 = p5; P6 = p6; P7 = p7;
    }

    /// <summary>Nothing seen: +∞ at index 0 (index 0 is never reported unless it really is the minimum, as k ≥ 1).</summary>
    public static ArgminState Empty
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var none = new BestPair(float.PositiveInfinity, 0);
            return new ArgminState(none, none, none, none, none, none, none, none);
        }
    }

    /// <summary>Folds one centroid tile's dot products in (columns as in <see cref="BestPair.Scan"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ArgminState Scan(MicroTile dots, Vec8 norms, int lowIndex, int highIndex) => new(
        P0.Scan(dots.R0, norms, lowIndex, highIndex), P1.Scan(dots.R1, norms, lowIndex, highIndex),
        P2.Scan(dots.R2, norms, lowIndex, highIndex), P3.Scan(dots.R3, norms, lowIndex, highIndex),
        P4.Scan(dots.R4, norms, lowIndex, highIndex), P5.Scan(dots.R5, norms, lowIndex, highIndex),
        P6.Scan(dots.R6, norms, lowIndex, highIndex), P7.Scan(dots.R7, norms, lowIndex, highIndex));

    /// <summary>
    /// Writes the 8 pairs to the scratch at [column][row] (rows lowRow … lowRow + 3, highRow … highRow + 3),
    /// for <see cref="Merged"/> to read after a barrier.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Spill(ArrayView<float> distances, ArrayView<int> indices, int start, int lowRow, int highRow)
    {
        Put(distances, indices, start + lowRow, P0);
        Put(distances, indices, start + lowRow + 1, P1);
        Put(distances, indices, start + lowRow + 2, P2);
        Put(distances, indices, start + lowRow + 3, P3);
        Put(distances, indices, start + highRow, P4);
        Put(distances, indices, start + highRow + 1, P5);
        Put(distances, indices, start + highRow + 2, P6);
        Put(distances, indices, start + highRow + 3, P7);
    }

    /// <summary>The state a thread wrote with <see cref="Spill"/> at the same positions (its own slots of the scratch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ArgminState Load(ArrayView<float> distances, ArrayView<int> indices, int start, int lowRow, int highRow) => new(
        Get(distances, indices, start + lowRow), Get(distances, indices, start + lowRow + 1),
        Get(distances, indices, start + lowRow + 2), Get(distances, indices, start + lowRow + 3),
        Get(distances, indices, start + highRow), Get(distances, indices, start + highRow + 1),
        Get(distances, indices, start + highRow + 2), Get(distances, indices, start + highRow + 3));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BestPair Get(ArrayView<float> distances, ArrayView<int> indices, int at) => new(distances[at], indices[at]);

    /// <summary>The group's best for block row <paramref name="row"/>: the merge of every column's partial best.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BestPair Merged(ArrayView<float> distances, ArrayView<int> indices, int row, int columns, int stride)
    {
        var best = new BestPair(distances[row], indices[row]);
        for (int column = 1; column < columns; column++)
            best = best.Merge(distances[column * stride + row], indices[column * stride + row]);
        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(ArrayView<float> distances, ArrayView<int> indices, int at, BestPair pair)
    {
        distances[at] = pair.Distance;
        indices[at] = pair.Index;
    }
}
