using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GpuKMeans.Backends.Cpu.Pruning;

/// <summary>
/// The pruned assignment of a range of rows, four at a time. For each row: the kernel distance to its previous
/// centroid gives an upper bound <c>u</c> (eight rows' distances computed together first); a row whose assigned
/// centroid is farther than <c>2u</c> from every other keeps its label without reading its bounds; otherwise its
/// lower bounds, decayed by the centroids' drift since they were last written (<see cref="PruningState.Epoch"/>),
/// are compared with <c>u</c>, and a group (block of the panel) is evaluated only when some bound in it is ≤ <c>u</c>
/// (and, for Elkan, its centroid is within <c>2u</c> of the assigned one). A row with nothing to evaluate leaves its
/// bounds untouched. When most groups of the four rows need evaluating, the whole rows go through
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

    /// <summary>
    /// Sets the bounds of rows <c>[first, end)</c> after an unpruned (blocked Lloyd) assignment, from the centroid
    /// geometry alone: with <c>u</c> an upper bound on the distance to the assigned centroid a (its kernel distance
    /// plus the margin), every other centroid c of a unit is at least <c>‖c − a‖ − u</c> away (triangle
    /// inequality), and <see cref="PruningState.UnitSeparation"/> bounds <c>‖c − a‖</c> from below. The float
    /// subtraction is scaled down by <see cref="PruningMargin.DecayScale"/>, as in the decay, so it stays a lower bound.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BoundsFromAssignment(PruningState state, CpuPoints points, int first, int end, int[] labels, float[] minDistances)
    {
        int stride = state.Stride, lanes = Vector<float>.Count;
        var scale = new Vector<float>(PruningMargin.DecayScale);
        for (int i = first; i < end; i++)
        {
            int p = state.Position[labels[i]];
            double reach = minDistances[i] + PruningMargin.Margin(state.Kappa, points.Norms[i], state.MaxNorm);
            var upper = new Vector<float>(PruningMargin.Upper(reach));
            var separation = state.UnitSeparation(p);
            var bounds = state.Bounds.AsSpan((int)((long)i * stride), stride);
            for (int u = 0; u < stride; u += lanes)
                Vector.Max((new Vector<float>(separation[u..]) - upper) * scale, Vector<float>.Zero).CopyTo(bounds[u..]);
            state.Wrote(i, bounds);
        }
    }

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
        if (!fresh)
            for (int row = first; row < end; row += 8)
                AssignedDistances8(state, points, row, Math.Min(8, end - row), previous, scratch.AssignedRows.AsSpan(row - first));
        for (int row = first; row < end; row += 4)
        {
            int rows = Math.Min(4, end - row);
            int needed = 0;
            if (!fresh)
                scratch.AssignedRows.AsSpan(row - first, rows).CopyTo(scratch.Assigned);
            int open = 0;
            for (int q = 0; q < rows; q++)
            {
                int i = row + q;
                double margin = PruningMargin.Margin(state.Kappa, points.Norms[i], state.MaxNorm);
                scratch.Margin[q] = margin;
                if (fresh)
                {
                    scratch.NeededCount[q] = 0;
                    open++;
                    continue;
                }
                int assigned = previous[i];
                float distance = scratch.Assigned[q];
                // Every other centroid is farther than 2u from the assigned one: none can be nearer than u (triangle
                // inequality). The point keeps its label and its bounds are left as they are, decayed later (Epoch).
                if (state.HalfSeparationSquared[state.Position[assigned]] > distance + margin)
                {
                    labels[i] = assigned;
                    minDistances[i] = distance;
                    evaluated++;
                    scratch.NeededCount[q] = -1;
                    continue;
                }
                // Every bound, decayed, exceeds u: no group can hold a nearer centroid; the bounds are not read.
                float upper = PruningMargin.Upper(distance + margin);
                if ((state.GlobalBound[i] - state.MaxDecay[state.Epoch[i]]) * PruningMargin.DecayScale > upper)
                {
                    labels[i] = assigned;
                    minDistances[i] = distance;
                    evaluated++;
                    scratch.NeededCount[q] = -1;
                    continue;
                }
                open++;
                needed += Screen(state, i, assigned, q, scratch);
            }
            if (open == 0)
                continue;
            bool whole = fresh || needed * 100 >= FullRowsPercent * open * blocks;
            if (whole)
                kernels.DistanceRows4(points, row, state.Panel, scratch.Tile);
            for (int q = 0; q < rows; q++)
            {
                int i = row + q;
                if (scratch.NeededCount[q] < 0)
                    continue;
                var tileRow = scratch.Tile.AsSpan(q * padded, padded);
                var list = scratch.Needed.AsSpan(q * blocks, scratch.NeededCount[q]);
                if (!whole && list.Length > 0)
                    EvaluateBlocks(state, points, i, list, tileRow);
                evaluated += Finish(state, i, fresh ? -1 : previous[i], q, whole, list, tileRow, scratch, labels, minDistances);
            }
        }
    }

    /// <summary>
    /// Lists the groups row i must evaluate and returns how many. When none, its bounds are left as they are (their
    /// epoch unchanged: a later step decays them from there); otherwise they are decayed to this step first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Screen(PruningState state, int i, int assigned, int q, PruningScratch scratch)
    {
        int p = state.Position[assigned], stride = state.Stride;
        double reach = scratch.Assigned[q] + scratch.Margin[q];   // u², u bounding the true distance to the assigned centroid
        var bounds = state.Bounds.AsSpan((int)((long)i * stride), stride);
        var decay = state.DecaySince(state.Epoch[i]);
        float upper = PruningMargin.Upper(reach);
        int lanes = Vector<float>.Count, width = state.Width, last = -1;
        var limit = new Vector<float>(upper);
        var twice = new Vector<float>(2 * upper);
        ReadOnlySpan<float> separation = state.Elkan ? state.CentroidDistances.AsSpan(p * stride, stride) : default;
        scratch.NeededCount[q] = 0;
        var any = Vector<int>.Zero;
        for (int u = 0; u < stride; u += lanes)
        {
            var open = Vector.LessThanOrEqual(Decayed(bounds, decay, u), limit);
            if (state.Elkan)
                open &= Vector.LessThanOrEqual(new Vector<float>(separation[u..]), twice);
            any |= open;
        }
        if (any == Vector<int>.Zero)
            return 0;

        for (int u = 0; u < stride; u += lanes)
            Decayed(bounds, decay, u).CopyTo(bounds[u..]);   // Finish records the row (State.Wrote) once it has set the evaluated units
        var list = scratch.Needed.AsSpan(q * state.BlockCount);
        int count = 0;
        bool assignedEvaluated = false;
        for (int unit = 0; unit < stride; unit++)
        {
            if (!(bounds[unit] <= upper) || (state.Elkan && !(separation[unit] <= 2 * upper)))
                continue;
            int block = state.Elkan ? unit / width : unit;
            if (block == last)
                continue;
            list[count++] = last = block;
            assignedEvaluated |= block == p / width;
        }
        scratch.NeededCount[q] = count;
        scratch.AssignedEvaluated[q] = assignedEvaluated;
        return count;
    }

    /// <summary><c>max(0, (bound − decay) · (1 − 2⁻²²))</c> of units <c>[u, u + lanes)</c>: the scale absorbs the subtraction's rounding, so the result stays a lower bound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Decayed(ReadOnlySpan<float> bounds, ReadOnlySpan<float> decay, int u) =>
        Vector.Max((new Vector<float>(bounds[u..]) - new Vector<float>(decay[u..])) * new Vector<float>(PruningMargin.DecayScale), Vector<float>.Zero);

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
        if (whole)
        {
            // Every unit is set, in vector passes (a screened row may not have been decayed: it is up to date now).
            evaluated = k;
            if (state.Elkan)
                TileRow.LowerBounds(tileRow[..state.Padded], bounds[..state.Padded], margin);
            else
            {
                int start = bestPosition / width * width;
                tileRow[bestPosition] = float.PositiveInfinity;   // a group's bound covers its other centroids
                groupMin[start / width] = TSimd.MinLane(TSimd.Load(ref Unsafe.Add(ref tile, start)));
                TileRow.LowerBounds(groupMin.AsSpan(0, count), bounds[..count], margin);
            }
        }
        else
            for (int n = 0; n < count; n++)
            {
                int block = list[n];
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
        state.Wrote(i, bounds);
        return evaluated;
    }
}
