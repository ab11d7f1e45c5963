using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GpuKMeans.Backends.Cpu.Pruning;

/// <summary>
/// The distances of one row to chosen groups of the panel. Each lane is the Lloyd kernel's own arithmetic — a
/// chain of fused multiply-adds in column order, then <c>‖x‖² + ‖c‖² − 2·dot</c> clamped at 0 — so a pruned step
/// sees the very distances an unpruned step sees.
/// </summary>
internal sealed partial class PrunedRows<TSimd, TVec>
{
    /// <summary>
    /// The kernel distances of rows <c>[row, row + rows)</c> (at most 8) to their previous centroids, into
    /// <paramref name="distances"/>: each one lane's chain in scalar code, eight chains interleaved so that the
    /// fused multiply-adds overlap their latency (missing rows repeat the first).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AssignedDistances8(PruningState state, CpuPoints points, int row, int rows, int[] previous, Span<float> distances)
    {
        int d = points.Dimensions;
        int[] position = state.Position;
        int r1 = rows > 1 ? row + 1 : row, r2 = rows > 2 ? row + 2 : row, r3 = rows > 3 ? row + 3 : row;
        int r4 = rows > 4 ? row + 4 : row, r5 = rows > 5 ? row + 5 : row, r6 = rows > 6 ? row + 6 : row, r7 = rows > 7 ? row + 7 : row;
        int p0 = position[previous[row]], p1 = position[previous[r1]], p2 = position[previous[r2]], p3 = position[previous[r3]];
        int p4 = position[previous[r4]], p5 = position[previous[r5]], p6 = position[previous[r6]], p7 = position[previous[r7]];
        ref float values = ref points.Values.Start;
        ref float x0 = ref Unsafe.Add(ref values, (nint)row * d), x1 = ref Unsafe.Add(ref values, (nint)r1 * d);
        ref float x2 = ref Unsafe.Add(ref values, (nint)r2 * d), x3 = ref Unsafe.Add(ref values, (nint)r3 * d);
        ref float x4 = ref Unsafe.Add(ref values, (nint)r4 * d), x5 = ref Unsafe.Add(ref values, (nint)r5 * d);
        ref float x6 = ref Unsafe.Add(ref values, (nint)r6 * d), x7 = ref Unsafe.Add(ref values, (nint)r7 * d);
        ref float centroids = ref MemoryMarshal.GetArrayDataReference(state.PermutedRows);
        ref float c0 = ref Unsafe.Add(ref centroids, p0 * d), c1 = ref Unsafe.Add(ref centroids, p1 * d);
        ref float c2 = ref Unsafe.Add(ref centroids, p2 * d), c3 = ref Unsafe.Add(ref centroids, p3 * d);
        ref float c4 = ref Unsafe.Add(ref centroids, p4 * d), c5 = ref Unsafe.Add(ref centroids, p5 * d);
        ref float c6 = ref Unsafe.Add(ref centroids, p6 * d), c7 = ref Unsafe.Add(ref centroids, p7 * d);
        float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f, a4 = 0f, a5 = 0f, a6 = 0f, a7 = 0f;
        for (int j = 0; j < d; j++)
        {
            a0 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x0, j), Unsafe.Add(ref c0, j), a0);
            a1 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x1, j), Unsafe.Add(ref c1, j), a1);
            a2 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x2, j), Unsafe.Add(ref c2, j), a2);
            a3 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x3, j), Unsafe.Add(ref c3, j), a3);
            a4 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x4, j), Unsafe.Add(ref c4, j), a4);
            a5 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x5, j), Unsafe.Add(ref c5, j), a5);
            a6 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x6, j), Unsafe.Add(ref c6, j), a6);
            a7 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x7, j), Unsafe.Add(ref c7, j), a7);
        }
        ref float norms = ref state.Panel.Norms;
        float[] pointNorms = points.Norms;
        Span<float> all = stackalloc float[8];
        all[0] = Distance(a0, pointNorms[row], Unsafe.Add(ref norms, p0));
        all[1] = Distance(a1, pointNorms[r1], Unsafe.Add(ref norms, p1));
        all[2] = Distance(a2, pointNorms[r2], Unsafe.Add(ref norms, p2));
        all[3] = Distance(a3, pointNorms[r3], Unsafe.Add(ref norms, p3));
        all[4] = Distance(a4, pointNorms[r4], Unsafe.Add(ref norms, p4));
        all[5] = Distance(a5, pointNorms[r5], Unsafe.Add(ref norms, p5));
        all[6] = Distance(a6, pointNorms[r6], Unsafe.Add(ref norms, p6));
        all[7] = Distance(a7, pointNorms[r7], Unsafe.Add(ref norms, p7));
        all[..rows].CopyTo(distances);
    }

    /// <summary>The kernel's epilogue for one lane: <c>‖x‖² + ‖c‖² − 2·dot</c> with one rounding of the fused step, clamped at 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Distance(float dot, float pointNorm, float centroidNorm)
    {
        float distance = MathF.FusedMultiplyAdd(dot, -2f, pointNorm + centroidNorm);
        return distance > 0f ? distance : 0f;
    }

    /// <summary>Fills the listed blocks of <paramref name="tileRow"/> with row i's distances, four blocks per pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EvaluateBlocks(PruningState state, CpuPoints points, int i, ReadOnlySpan<int> blocks, Span<float> tileRow)
    {
        int d = points.Dimensions, w = TSimd.Width;
        ref float x = ref Unsafe.Add(ref points.Values.Start, (nint)i * d);
        float norm = points.Norms[i];
        ref float tile = ref MemoryMarshal.GetReference(tileRow);
        int n = 0;
        for (; n + 4 <= blocks.Length; n += 4)
            Blocks4(ref x, d, norm, state.Panel, blocks[n] * w, blocks[n + 1] * w, blocks[n + 2] * w, blocks[n + 3] * w, ref tile);
        for (; n < blocks.Length; n++)
            Block1(ref x, d, norm, state.Panel, blocks[n] * w, ref tile);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(TVec dot, float pointNorm, CentroidPanel panel, int column, ref float tile)
    {
        TVec sum = TSimd.Add(TSimd.Broadcast(pointNorm), TSimd.Load(ref Unsafe.Add(ref panel.Norms, column)));
        TSimd.Store(TSimd.ClampAtZero(TSimd.MultiplyAdd(dot, TSimd.Broadcast(-2f), sum)), ref Unsafe.Add(ref tile, column));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Blocks4(ref float x, int d, float norm, CentroidPanel panel, int c0, int c1, int c2, int c3, ref float tile)
    {
        int padded = panel.Padded;
        TVec a0 = default, a1 = default, a2 = default, a3 = default;
        ref float c = ref panel.Transposed;
        for (int j = 0; j < d; j++)
        {
            TVec b = TSimd.Broadcast(Unsafe.Add(ref x, j));
            a0 = TSimd.MultiplyAdd(b, TSimd.Load(ref Unsafe.Add(ref c, c0)), a0);
            a1 = TSimd.MultiplyAdd(b, TSimd.Load(ref Unsafe.Add(ref c, c1)), a1);
            a2 = TSimd.MultiplyAdd(b, TSimd.Load(ref Unsafe.Add(ref c, c2)), a2);
            a3 = TSimd.MultiplyAdd(b, TSimd.Load(ref Unsafe.Add(ref c, c3)), a3);
            c = ref Unsafe.Add(ref c, padded);
        }
        Finish(a0, norm, panel, c0, ref tile);
        Finish(a1, norm, panel, c1, ref tile);
        Finish(a2, norm, panel, c2, ref tile);
        Finish(a3, norm, panel, c3, ref tile);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block1(ref float x, int d, float norm, CentroidPanel panel, int column, ref float tile)
    {
        int padded = panel.Padded;
        TVec a = default;
        ref float c = ref Unsafe.Add(ref panel.Transposed, column);
        for (int j = 0; j < d; j++)
        {
            a = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x, j)), TSimd.Load(ref c), a);
            c = ref Unsafe.Add(ref c, padded);
        }
        Finish(a, norm, panel, column, ref tile);
    }
}
