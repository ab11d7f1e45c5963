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
    /// <summary>The kernel distance of row <paramref name="i"/> to panel position <paramref name="position"/>, one lane's chain in scalar code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float AssignedDistance(PruningState state, CpuPoints points, int i, int position)
    {
        int d = points.Dimensions;
        ref float x = ref Unsafe.Add(ref points.Values.Start, (nint)i * d);
        ref float c = ref state.PermutedRows[position * d];
        float dot = 0f;
        for (int j = 0; j < d; j++)
            dot = MathF.FusedMultiplyAdd(Unsafe.Add(ref x, j), Unsafe.Add(ref c, j), dot);
        float sum = points.Norms[i] + Unsafe.Add(ref state.Panel.Norms, position);
        float distance = MathF.FusedMultiplyAdd(dot, -2f, sum);
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
