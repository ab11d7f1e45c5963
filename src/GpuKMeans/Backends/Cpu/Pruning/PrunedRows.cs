using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GpuKMeans.Backends.Cpu.Pruning;

/// <summary>
/// The pruned assignment of a range of rows, four at a time. For each row: the kernel distance to its previous
/// centroid gives an upper bound <c>u</c>; its lower bounds are decayed by the centroids' drift; a group (block
/// of the panel) is evaluated only when some bound in it is ≤ <c>u</c> (and, for Elkan, its centroid is within
/// <c>2u</c> of the assigned one). When most groups of the four rows need evaluating, the whole rows go through
/// the Lloyd kernel (<see cref="CpuKernels.DistanceRows4"/>) instead. The label is the lowest distance among the
/// evaluated centroids and the previous one, the lowest original index on ties — Lloyd's label.
/// </summary>
internal abstract class PrunedRows
{
    /// <summary>Above this share of groups to evaluate, four rows are evaluated whole by the Lloyd kernel.</summary>
    protected const int FullRowsPercent = 60;

    /// <summary>
    /// Assigns rows <c>[first, end)</c> (first a multiple of 4): writes <paramref name="labels"/> and
    /// <paramref name="minDistances"/> from <paramref name="previous"/> and the bounds, updates the bounds, and adds
    /// the distances evaluated to <paramref name="evaluated"/>.
    /// </summary>
    public abstract void Assign(
        PruningState state, CpuKernels kernels, CpuPoints points, int first, int end,
        int[] previous, int[] labels, float[] minDistances, PruningScratch scratch, ref long evaluated);

    public static PrunedRows Create(CpuSimdLevel level) => level switch
    {
        CpuSimdLevel.Vector512 => new PrunedRows<Simd512, Vector512<float>>(),
        CpuSimdLevel.Vector256 => new PrunedRows<Simd256, Vector256<float>>(),
        CpuSimdLevel.Vector128 => new PrunedRows<Simd128, Vector128<float>>(),
        _ => new PrunedRows<SimdScalar, float>(),
    };
}

/// <summary><see cref="PrunedRows"/> at one vector width; its group kernel computes each lane exactly as the Lloyd kernel does.</summary>
internal sealed partial class PrunedRows<TSimd, TVec> : PrunedRows
    where TSimd : struct, ISimd<TVec>
    where TVec : struct
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Assign(
        PruningState state, CpuKernels kernels, CpuPoints points, int first, int end,
        int[] previous, int[] labels, float[] minDistances, PruningScratch scratch, ref long evaluated)
    {
        int blocks = state.BlockCount, padded = state.Padded;
        bool fresh = !state.Valid;
        for (int row = first; row < end; row += 4)
        {
            int rows = Math.Min(4, end - row);
            int needed = 0;
            if (!fresh)
                AssignedDistances4(state, points, row, rows, previous, scratch.Assigned);
            for (int q = 0; q < rows; q++)
            {
                int i = row + q;
                scratch.Margin[q] = PruningMargin.Margin(state.Kappa, points.Norms[i], state.MaxNorm);
                if (!fresh)
                    needed += Screen(state, i, previous[i], q, scratch);
            }
            bool whole = fresh || needed * 100 >= FullRowsPercent * rows * blocks;
            if (whole)
                kernels.DistanceRows4(points, row, state.Panel, scratch.Tile);
            for (int q = 0; q < rows; q++)
            {
                int i = row + q;
                var tileRow = scratch.Tile.AsSpan(q * padded, padded);
                var list = scratch.Needed.AsSpan(q * blocks, scratch.NeededCount[q]);
                if (!whole && list.Length > 0)
                    EvaluateBlocks(state, points, i, list, tileRow);
                evaluated += Finish(state, i, fresh ? -1 : previous[i], q, whole, list, tileRow, scratch, labels, minDistances);
            }
        }
    }

    /// <summary>Decays row i's bounds and lists the groups it must evaluate; returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Screen(PruningState state, int i, int assigned, int q, PruningScratch scratch)
    {
        int p = state.Position[assigned], stride = state.Stride;
        double reach = scratch.Assigned[q] + scratch.Margin[q];   // u², u bounding the true distance to the assigned centroid
        var bounds = state.Bounds.AsSpan((int)((long)i * stride), stride);
        Decay(bounds, state.UnitDrift);

        var list = scratch.Needed.AsSpan(q * state.BlockCount);
        int count = 0;
        bool assignedEvaluated = false;
        // Every other centroid is farther than 2u from the assigned one: none can be nearer than u (triangle inequality).
        if (!(state.HalfSeparationSquared[p] > reach))
        {
            float upper = PruningMargin.Upper(reach);
            int lanes = Vector<float>.Count, width = state.Width, last = -1;
            var limit = new Vector<float>(upper);
            var twice = new Vector<float>(2 * upper);
            ReadOnlySpan<float> separation = state.Elkan ? state.CentroidDistances.AsSpan(p * stride, stride) : default;
            for (int u = 0; u < stride; u += lanes)
            {
                var lower = new Vector<float>(bounds[u..]);
                var open = Vector.LessThanOrEqual(lower, limit);
                if (state.Elkan)
                    open &= Vector.LessThanOrEqual(new Vector<float>(separation[u..]), twice);
                if (open == Vector<int>.Zero)
                    continue;
                for (int unit = u; unit < u + lanes; unit++)
                {
                    if (!(bounds[unit] <= upper) || (state.Elkan && !(separation[unit] <= 2 * upper)))
                        continue;
                    int block = state.Elkan ? unit / width : unit;
                    if (block == last)
                        continue;
                    list[count++] = last = block;
                    assignedEvaluated |= block == p / width;
                }
            }
        }
        scratch.NeededCount[q] = count;
        scratch.AssignedEvaluated[q] = assignedEvaluated;
        return count;
    }

    /// <summary><c>bound = max(0, (bound − drift) · (1 − 2⁻²²))</c>: the scale absorbs the subtraction's rounding, so the result stays a lower bound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Decay(Span<float> bounds, ReadOnlySpan<float> drift)
    {
        int lanes = Vector<float>.Count;
        var scale = new Vector<float>(PruningMargin.DecayScale);
        for (int u = 0; u < bounds.Length; u += lanes)
        {
            var decayed = (new Vector<float>(bounds[u..]) - new Vector<float>(drift[u..])) * scale;
            Vector.Max(decayed, Vector<float>.Zero).CopyTo(bounds[u..]);
        }
    }

    /// <summary>
    /// Picks row i's label among the evaluated groups of <paramref name="tileRow"/> and its previous centroid, stores it
    /// with its distance, and sets the bounds of the evaluated groups. Returns the number of distances evaluated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Finish(
        PruningState state, int i, int assigned, int q, bool whole, ReadOnlySpan<int> list, Span<float> tileRow,
        PruningScratch scratch, int[] labels, float[] minDistances)
    {
        int k = state.ClusterCount, width = TSimd.Width;
        float assignedDistance = scratch.Assigned[q];
        int count = whole ? state.BlockCount : list.Length;
        if (count == 0)
        {
            labels[i] = assigned;
            minDistances[i] = assignedDistance;
            return 1;
        }

        // Each evaluated group's minimum, then Lloyd's choice: the lowest distance, then the lowest original index.
        ref float tile = ref MemoryMarshal.GetReference(tileRow);
        var groupMin = scratch.GroupMin;
        float rowMin = float.PositiveInfinity;
        for (int n = 0; n < count; n++)
        {
            int block = whole ? n : list[n];
            float min = TSimd.MinLane(TSimd.Load(ref Unsafe.Add(ref tile, block * width)));
            groupMin[n] = min;
            rowMin = MathF.Min(rowMin, min);
        }
        int best;
        float bestDistance;
        if (assigned >= 0 && assignedDistance < rowMin)
            (best, bestDistance) = (assigned, assignedDistance);
        else
        {
            (best, bestDistance) = (int.MaxValue, rowMin);
            for (int n = 0; n < count; n++)
            {
                if (groupMin[n] != rowMin)
                    continue;
                int start = (whole ? n : list[n]) * width, stop = Math.Min(k, start + width);
                for (int c = start; c < stop; c++)
                    if (tileRow[c] == rowMin)
                        best = Math.Min(best, state.Order[c]);
            }
            if (assigned >= 0 && assignedDistance == rowMin)
                best = Math.Min(best, assigned);
        }
        labels[i] = best;
        minDistances[i] = bestDistance;

        float margin = PruningMargin.LowerMargin(scratch.Margin[q]);
        int bestPosition = state.Position[best];
        var bounds = state.Bounds.AsSpan((int)((long)i * state.Stride), state.Stride);
        int evaluated = 0;
        for (int n = 0; n < count; n++)
        {
            int block = whole ? n : list[n];
            int start = block * width;
            evaluated += Math.Min(k, start + width) - start;
            if (state.Elkan)
                TileRow.LowerBounds(tileRow.Slice(start, width), bounds.Slice(start, width), margin);
            else
            {
                float min = groupMin[n];
                if (block == bestPosition / width)
                {
                    tileRow[bestPosition] = float.PositiveInfinity;   // a group's bound covers its other centroids
                    min = TSimd.MinLane(TSimd.Load(ref Unsafe.Add(ref tile, start)));
                }
                bounds[block] = PruningMargin.Lower(min, margin);
            }
        }
        if (state.Elkan)
            bounds[bestPosition] = float.PositiveInfinity;   // the assigned centroid is never screened
        if (assigned >= 0 && !whole && !scratch.AssignedEvaluated[q])
        {
            evaluated++;
            if (best != assigned)
            {
                // The previous centroid left the assigned slot without being evaluated in its group: cover it now.
                int p = state.Position[assigned];
                int unit = state.Elkan ? p : p / width;
                bounds[unit] = MathF.Min(bounds[unit], PruningMargin.Lower(assignedDistance, margin));
            }
        }
        return evaluated;
    }
}
