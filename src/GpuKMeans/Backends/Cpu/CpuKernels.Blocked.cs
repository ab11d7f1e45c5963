using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GpuKMeans.Backends.Cpu;

/// <summary>What a register tile does with its accumulators before and after its slice of coordinates.</summary>
[Flags]
internal enum BlockStep
{
    /// <summary>Start from zero and store the accumulators for the next slice.</summary>
    None = 0,

    /// <summary>Start from the accumulators the previous slice stored.</summary>
    Resume = 1,

    /// <summary>The last slice: turn the dot products into distances and fold them into the running minima.</summary>
    Finish = 2,
}

/// <summary>
/// The cache-blocked assignment, loop nest of a GEMM (BLIS's order) with the argmin fused in place of the
/// C update. For a chunk of points: for each centroid micro-panel (left to right), for each slice of
/// <see cref="DepthBlock"/> coordinates, for each group of four points, one register tile. The panel slice
/// (≤ <see cref="DepthBlock"/> × 64 floats, 32 KiB) stays in L1 while the chunk's rows stream past it from
/// L2; the whole centroid set is read from L3 once per chunk, not once per four points. No n × k matrix:
/// the tiles of the last slice fold their distances into per-point, per-lane minima, and each point's
/// label is read off those at the end.
/// </summary>
/// <remarks>
/// Same bits as <see cref="AssignRows"/>: each distance is the same chain of fused multiply-adds (the
/// accumulators are stored and reloaded exactly between slices) and the same finishing formula; per lane
/// the panels are visited in increasing column order with a strict &lt;, which keeps the lowest index of the
/// lane's minimum, and across lanes the lowest index among the lanes holding the minimum wins, exactly as
/// <see cref="ArgMin4"/> does. Nothing depends on the chunk size, so the caller may size chunks freely.
/// </remarks>
internal sealed partial class CpuKernels<TSimd, TVec>
{
    /// <summary>Coordinates per slice: 128 × 64 floats of one panel is 32 KiB, two thirds of Zen 5's L1.</summary>
    private const int DepthBlock = 128;

    public override int PanelVectors => MainPanels;

    public override int BlockedScratchLength(int rows, CentroidMicroPanels centroids)
    {
        int groups = (rows + 3) / 4;
        bool sliced = centroids.Dimensions > DepthBlock;
        return groups * 4 * ((sliced ? centroids.PanelWidth : 0) + 2 * TSimd.Width);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AssignRowsBlocked(
        CpuPoints points, CentroidMicroPanels centroids, int first, int end, Span<int> labels, Span<float> minDistances, Span<float> scratch)
    {
        int d = points.Dimensions, w = TSimd.Width;
        int groups = (end - first + 3) / 4;
        // The addressing below is unchecked: rows up to first + 4·groups exist (three zero rows pad the end).
        if (first < 0 || end > points.Count || first >= end || centroids.Dimensions != d
            || scratch.Length < BlockedScratchLength(end - first, centroids) || labels.Length < end || minDistances.Length < end)
            throw new ArgumentException("The rows, the centroids or the scratch do not fit these points.");
        bool sliced = d > DepthBlock;
        int accStride = centroids.PanelWidth;
        ref float acc = ref MemoryMarshal.GetReference(scratch);
        ref float best = ref Unsafe.Add(ref acc, sliced ? groups * 4 * accStride : 0);
        ref float bestIndex = ref Unsafe.Add(ref best, groups * 4 * w);

        ref float rows = ref Unsafe.Add(ref points.Values.Start, (nint)first * d);
        ref float rowNorms = ref points.Norms[first];
        for (int panel = 0; panel < centroids.PanelCount; panel++)
        {
            int column = panel * centroids.PanelWidth, columns = centroids.PanelColumns(panel);
            bool lastPanel = panel == centroids.PanelCount - 1;
            ref float panelStart = ref Unsafe.Add(ref centroids.Values, (nint)column * d);
            for (int j0 = 0; j0 < d; j0 += DepthBlock)
            {
                int depth = Math.Min(DepthBlock, d - j0);
                var step = (j0 > 0 ? BlockStep.Resume : BlockStep.None) | (j0 + depth == d ? BlockStep.Finish : BlockStep.None);
                ref float slice = ref Unsafe.Add(ref panelStart, (nint)j0 * columns);
                for (int g = 0; g < groups; g++)
                {
                    ref float x = ref Unsafe.Add(ref rows, (nint)4 * g * d + j0);
                    ref float groupAcc = ref Unsafe.Add(ref acc, g * 4 * accStride);
                    int row = first + 4 * g, validRows = Math.Min(4, end - row);
                    // A panel narrower than the widest tile runs as tiles of two and one vector(s); only the
                    // last tile of the last panel writes labels.
                    for (int v = 0; v < columns;)
                    {
                        int tile = MainPanels == 4 && columns - v == 4 * w ? 4 * w : columns - v >= 2 * w ? 2 * w : w;
                        var epilogue = new BlockEpilogue(
                            ref Unsafe.Add(ref rowNorms, 4 * g), ref Unsafe.Add(ref best, g * 4 * w), ref Unsafe.Add(ref bestIndex, g * 4 * w),
                            ref Unsafe.Add(ref centroids.Norms, column + v), column + v,
                            lastPanel && v + tile == columns ? validRows : 0, ref labels[row], ref minDistances[row]);
                        ref float c = ref Unsafe.Add(ref slice, v);
                        ref float a = ref Unsafe.Add(ref groupAcc, v);
                        if (tile == 4 * w)
                            Block<FourVectors, BlockEpilogue>(ref x, d, ref c, columns, depth, ref a, accStride, step, ref epilogue);
                        else if (tile == 2 * w)
                            Block<TwoVectors, BlockEpilogue>(ref x, d, ref c, columns, depth, ref a, accStride, step, ref epilogue);
                        else
                            Block<OneVector, BlockEpilogue>(ref x, d, ref c, columns, depth, ref a, accStride, step, ref epilogue);
                        v += tile;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The fused argmin of the last slice for one group of four points and one run of centroid vectors:
    /// <c>max(0, ‖x‖² + ‖c‖² − 2·x·c)</c> (<see cref="Distance"/>), folded lane by lane into
    /// the points' running minima with a strict &lt; (so each lane keeps its lowest index). In the last panel
    /// the minima are reduced across lanes at once and the labels written for the group's
    /// <c>validRows</c> real rows (0 elsewhere: the minima are stored for the next run of vectors).
    /// </summary>
    private readonly ref struct BlockEpilogue(
        ref float pointNorms, ref float best, ref float bestIndex, ref float centroidNorms, int column,
        int validRows, ref int labels, ref float minDistances) : ITileEpilogue
    {
        private readonly ref float _pointNorms = ref pointNorms;
        private readonly ref float _best = ref best;
        private readonly ref float _bestIndex = ref bestIndex;
        private readonly ref float _centroidNorms = ref centroidNorms;
        private readonly int _column = column;
        private readonly int _validRows = validRows;
        private readonly ref int _labels = ref labels;
        private readonly ref float _minDistances = ref minDistances;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Keep4(int row, TVec a0, TVec a1, TVec a2, TVec a3)
        {
            TVec pointNorm = TSimd.Broadcast(Unsafe.Add(ref _pointNorms, row));
            var (best, index) = Start(row, Distance(a0, pointNorm, ref _centroidNorms));
            Fold(ref best, ref index, a1, pointNorm, 1);
            Fold(ref best, ref index, a2, pointNorm, 2);
            Fold(ref best, ref index, a3, pointNorm, 3);
            Complete(row, best, index);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Keep2(int row, TVec a0, TVec a1)
        {
            TVec pointNorm = TSimd.Broadcast(Unsafe.Add(ref _pointNorms, row));
            var (best, index) = Start(row, Distance(a0, pointNorm, ref _centroidNorms));
            Fold(ref best, ref index, a1, pointNorm, 1);
            Complete(row, best, index);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Keep1(int row, TVec a0)
        {
            var (best, index) = Start(row, Distance(a0, TSimd.Broadcast(Unsafe.Add(ref _pointNorms, row)), ref _centroidNorms));
            Complete(row, best, index);
        }

        /// <summary>Folds the distances of centroid vector <paramref name="vector"/> of this run into the minima.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Fold(ref TVec best, ref TVec index, TVec dot, TVec pointNorm, int vector)
        {
            int offset = vector * TSimd.Width;
            TSimd.KeepSmaller(ref best, ref index, Distance(dot, pointNorm, ref Unsafe.Add(ref _centroidNorms, offset)), TSimd.LaneIndices(_column + offset));
        }

        /// <summary>
        /// The running minima with the first vector of this run folded in. Column 0 starts them: its distances
        /// and lane indices are what a strict &lt; against +∞ minima with those indices would keep, so nothing is
        /// read (and nothing needs initialising) before the first panel.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private (TVec Best, TVec Index) Start(int row, TVec distance)
        {
            if (_column == 0)
                return (distance, TSimd.LaneIndices(0));
            TVec m = TSimd.Load(ref Unsafe.Add(ref _best, row * TSimd.Width));
            TVec i = TSimd.Load(ref Unsafe.Add(ref _bestIndex, row * TSimd.Width));
            TSimd.KeepSmaller(ref m, ref i, distance, TSimd.LaneIndices(_column));
            return (m, i);
        }

        /// <summary>
        /// Stores the minima of <paramref name="row"/> for the next run, or, when this run ends the last panel,
        /// writes its label: the lowest index among the lanes holding the minimum, as <see cref="ArgMin4"/> picks it.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Complete(int row, TVec best, TVec index)
        {
            if (_validRows == 0)
            {
                TSimd.Store(best, ref Unsafe.Add(ref _best, row * TSimd.Width));
                TSimd.Store(index, ref Unsafe.Add(ref _bestIndex, row * TSimd.Width));
            }
            else if (row < _validRows)
            {
                float distance = TSimd.MinLane(best);
                Unsafe.Add(ref _labels, row) = TSimd.LowestIndexWhereEqual(best, index, distance);
                Unsafe.Add(ref _minDistances, row) = distance;
            }
        }
    }
}
