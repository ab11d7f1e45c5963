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
    /// The kernel distances of rows <c>[row, row + rows)</c> to their previous centroids: each one lane's chain in
    /// scalar code, four chains interleaved (missing rows repeat the first).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AssignedDistances4(PruningState state, CpuPoints points, int row, int rows, int[] previous, float[] distances)
    {
        int d = points.Dimensions;
        int[] position = state.Position;
        int p0 = position[previous[row]];
        int p1 = rows > 1 ? position[previous[row + 1]] : p0;
        int p2 = rows > 2 ? position[previous[row + 2]] : p0;
        int p3 = rows > 3 ? position[previous[row + 3]] : p0;
        ref float x0 = ref Unsafe.Add(ref points.Values.Start, (nint)row * d);
        ref float x1 = ref Unsafe.Add(ref x0, d);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * d);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * d);
        ref float centroids = ref MemoryMarshal.GetArrayDataReference(state.PermutedRows);
        ref float c0 = ref Unsafe.Add(ref centroids, p0 * d);
        ref float c1 = ref Unsafe.Add(ref centroids, p1 * d);
        ref float c2 = ref Unsafe.Add(ref centroids, p2 * d);
        ref float c3 = ref Unsafe.Add(ref centroids, p3 * d);
        float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f;
        for (int j = 0; j < d; j++)
        {
            a0 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x0, j), Unsafe.Add(ref c0, j), a0);
            a1 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x1, j), Unsafe.Add(ref c1, j), a1);
            a2 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x2, j), Unsafe.Add(ref c2, j), a2);
            a3 = MathF.FusedMultiplyAdd(Unsafe.Add(ref x3, j), Unsafe.Add(ref c3, j), a3);
        }
        ref float norms = ref state.Panel.Norms;
        distances[0] = Distance(a0, points.Norms[row], Unsafe.Add(ref norms, p0));
        distances[1] = Distance(a1, points.Norms[row + 1], Unsafe.Add(ref norms, p1));
        distances[2] = Distance(a2, points.Norms[row + 2], Unsafe.Add(ref norms, p2));
        distances[3] = Distance(a3, points.Norms[row + 3], Unsafe.Add(ref norms, p3));
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
