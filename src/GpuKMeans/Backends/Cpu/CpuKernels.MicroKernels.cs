using System.Runtime.CompilerServices;

namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// The unblocked distance rows (<see cref="DistanceRows4"/>, for the distance matrix and k-means++): the
/// register tile of <c>CpuKernels.BlockTiles.cs</c> over the whole d × kPad transposed panel in one slice,
/// with an epilogue that stores the finished distances to the tile.
/// </summary>
internal sealed partial class CpuKernels<TSimd, TVec>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void DistanceRows4(CpuPoints points, int row, CentroidPanel panel, Span<float> tile)
    {
        int d = points.Dimensions, w = TSimd.Width;
        int padded = panel.Padded;
        // The addressing below is unchecked: rows [row, row + 4) exist (three zero rows pad the end) and the panel is d wide.
        if ((uint)row >= (uint)points.Count || panel.Dimensions != d || tile.Length < 4 * padded)
            throw new ArgumentOutOfRangeException(nameof(row), row, "The row, the panel or the tile does not fit these points.");
        ref float x = ref Unsafe.Add(ref points.Values.Start, (nint)row * d);
        ref float t = ref tile[0];
        int column = 0;
        if (MainPanels == 4)
            for (; column + 4 * w <= padded; column += 4 * w)
            {
                var store = new StoreEpilogue(ref Unsafe.Add(ref t, column), padded, ref points.Norms[row], ref Unsafe.Add(ref panel.Norms, column));
                Block<FourVectors, StoreEpilogue>(ref x, d, ref Unsafe.Add(ref panel.Transposed, column), padded, d, ref t, 0, BlockStep.Finish, ref store);
            }
        for (; column + 2 * w <= padded; column += 2 * w)
        {
            var store = new StoreEpilogue(ref Unsafe.Add(ref t, column), padded, ref points.Norms[row], ref Unsafe.Add(ref panel.Norms, column));
            Block<TwoVectors, StoreEpilogue>(ref x, d, ref Unsafe.Add(ref panel.Transposed, column), padded, d, ref t, 0, BlockStep.Finish, ref store);
        }
        for (; column < padded; column += w)
        {
            var store = new StoreEpilogue(ref Unsafe.Add(ref t, column), padded, ref points.Norms[row], ref Unsafe.Add(ref panel.Norms, column));
            Block<OneVector, StoreEpilogue>(ref x, d, ref Unsafe.Add(ref panel.Transposed, column), padded, d, ref t, 0, BlockStep.Finish, ref store);
        }
    }

    /// <summary>Writes <see cref="Distance"/> of each (point row, centroid vector) to the tile, rows <c>padded</c> floats apart.</summary>
    private readonly ref struct StoreEpilogue(ref float tile, int padded, ref float pointNorms, ref float centroidNorms) : ITileEpilogue
    {
        private readonly ref float _tile = ref tile;
        private readonly int _padded = padded;
        private readonly ref float _pointNorms = ref pointNorms;
        private readonly ref float _centroidNorms = ref centroidNorms;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Keep4(int row, TVec a0, TVec a1, TVec a2, TVec a3)
        {
            Keep2(row, a0, a1);
            Store(row, 2, a2);
            Store(row, 3, a3);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Keep2(int row, TVec a0, TVec a1)
        {
            Store(row, 0, a0);
            Store(row, 1, a1);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Keep1(int row, TVec a0) => Store(row, 0, a0);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Store(int row, int vector, TVec dot)
        {
            int offset = vector * TSimd.Width;
            TVec pointNorm = TSimd.Broadcast(Unsafe.Add(ref _pointNorms, row));
            TSimd.Store(Distance(dot, pointNorm, ref Unsafe.Add(ref _centroidNorms, offset)), ref Unsafe.Add(ref _tile, row * _padded + offset));
        }
    }
}
