using System.Runtime.CompilerServices;

namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// The register tile: four points × four, two or one vector(s) of centroids (<see cref="ITileVectors"/>), over a
/// slice of <c>depth</c> coordinates of a d-major centroid panel whose rows are <c>stride</c> floats apart (a
/// micro-panel of <see cref="CentroidMicroPanels"/>, or the whole <see cref="CentroidPanel"/>). For each
/// coordinate j the tile loads one vector per centroid column, broadcasts <c>x[r, j]</c> of each point, and issues
/// one fused multiply-add per (point, vector) into accumulators that stay in registers for the whole slice. A
/// tile either starts at zero or resumes the accumulators a previous slice stored, and either stores them for the
/// next slice or finishes: hands them to its epilogue (<see cref="ITileEpilogue"/>), which turns them into
/// distances. Storing and reloading a float is exact, so every lane is one chain of fused multiply-adds in column
/// order whatever the slicing, and the result does not depend on the vector width.
/// </summary>
/// <remarks>
/// The coordinate loop runs two coordinates per trip (the second right after the first, so each chain keeps its
/// order) with a native-int index: fewer loop instructions per fused multiply-add. The vector count is a type
/// argument, so the JIT compiles each width of tile on its own and drops the unused accumulators.
/// </remarks>
internal sealed partial class CpuKernels<TSimd, TVec>
{
    /// <summary>What a finishing tile does with its dot products, per point row of the group.</summary>
    private interface ITileEpilogue
    {
        void Keep4(int row, TVec a0, TVec a1, TVec a2, TVec a3);

        void Keep2(int row, TVec a0, TVec a1);

        void Keep1(int row, TVec a0);
    }

    /// <summary>Centroid vectors per tile (4, 2 or 1): a constant the JIT folds per instantiation.</summary>
    private interface ITileVectors
    {
        static abstract int Count { get; }
    }

    private readonly struct FourVectors : ITileVectors
    {
        public static int Count => 4;
    }

    private readonly struct TwoVectors : ITileVectors
    {
        public static int Count => 2;
    }

    private readonly struct OneVector : ITileVectors
    {
        public static int Count => 1;
    }

    /// <summary>‖x‖² + ‖c‖² − 2·dot clamped at 0 (the −2 product is exact, so this equals the GPU kernels' formula).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Distance(TVec dot, TVec pointNorm, ref float centroidNorms) =>
        Distance(dot, pointNorm, TSimd.Load(ref centroidNorms));

    /// <summary>The same formula with the centroid norms already in a vector (the k-means++ pass broadcasts one centre's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Distance(TVec dot, TVec pointNorm, TVec centroidNorms) =>
        TSimd.ClampAtZero(TSimd.MultiplyAdd(dot, TSimd.Broadcast(-2f), TSimd.Add(pointNorm, centroidNorms)));

    /// <summary>One tile of four points (rows <paramref name="d"/> floats apart from <paramref name="x0"/>) × <typeparamref name="TVectors"/> vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block<TVectors, TEpilogue>(ref float x0, int d, ref float c, int stride, int depth, ref float acc, int accStride, BlockStep step, ref TEpilogue epilogue)
        where TVectors : struct, ITileVectors
        where TEpilogue : struct, ITileEpilogue, allows ref struct
    {
        int w = TSimd.Width, vectors = TVectors.Count;
        TVec a00 = default, a01 = default, a02 = default, a03 = default;
        TVec a10 = default, a11 = default, a12 = default, a13 = default;
        TVec a20 = default, a21 = default, a22 = default, a23 = default;
        TVec a30 = default, a31 = default, a32 = default, a33 = default;
        if ((step & BlockStep.Resume) != 0)
        {
            a00 = TSimd.Load(ref acc);
            a01 = vectors > 1 ? TSimd.Load(ref Unsafe.Add(ref acc, w)) : default;
            a02 = vectors > 2 ? TSimd.Load(ref Unsafe.Add(ref acc, 2 * w)) : default;
            a03 = vectors > 3 ? TSimd.Load(ref Unsafe.Add(ref acc, 3 * w)) : default;
            a10 = TSimd.Load(ref Unsafe.Add(ref acc, accStride));
            a11 = vectors > 1 ? TSimd.Load(ref Unsafe.Add(ref acc, accStride + w)) : default;
            a12 = vectors > 2 ? TSimd.Load(ref Unsafe.Add(ref acc, accStride + 2 * w)) : default;
            a13 = vectors > 3 ? TSimd.Load(ref Unsafe.Add(ref acc, accStride + 3 * w)) : default;
            a20 = TSimd.Load(ref Unsafe.Add(ref acc, 2 * accStride));
            a21 = vectors > 1 ? TSimd.Load(ref Unsafe.Add(ref acc, 2 * accStride + w)) : default;
            a22 = vectors > 2 ? TSimd.Load(ref Unsafe.Add(ref acc, 2 * accStride + 2 * w)) : default;
            a23 = vectors > 3 ? TSimd.Load(ref Unsafe.Add(ref acc, 2 * accStride + 3 * w)) : default;
            a30 = TSimd.Load(ref Unsafe.Add(ref acc, 3 * accStride));
            a31 = vectors > 1 ? TSimd.Load(ref Unsafe.Add(ref acc, 3 * accStride + w)) : default;
            a32 = vectors > 2 ? TSimd.Load(ref Unsafe.Add(ref acc, 3 * accStride + 2 * w)) : default;
            a33 = vectors > 3 ? TSimd.Load(ref Unsafe.Add(ref acc, 3 * accStride + 3 * w)) : default;
        }
        ref float x1 = ref Unsafe.Add(ref x0, d);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * d);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * d);
        // Two coordinates per trip (fewer loop instructions per fused multiply-add), the second after the first.
        nint j = 0, cStride = stride, pairs = depth - 1;
        for (; j < pairs; j += 2)
        {
            TVec b0 = TSimd.Broadcast(Unsafe.Add(ref x0, j)), b1 = TSimd.Broadcast(Unsafe.Add(ref x1, j));
            TVec b2 = TSimd.Broadcast(Unsafe.Add(ref x2, j)), b3 = TSimd.Broadcast(Unsafe.Add(ref x3, j));
            Coordinate<TVectors>(ref c, b0, b1, b2, b3, ref a00, ref a01, ref a02, ref a03, ref a10, ref a11, ref a12, ref a13, ref a20, ref a21, ref a22, ref a23, ref a30, ref a31, ref a32, ref a33);
            b0 = TSimd.Broadcast(Unsafe.Add(ref x0, j + 1));
            b1 = TSimd.Broadcast(Unsafe.Add(ref x1, j + 1));
            b2 = TSimd.Broadcast(Unsafe.Add(ref x2, j + 1));
            b3 = TSimd.Broadcast(Unsafe.Add(ref x3, j + 1));
            Coordinate<TVectors>(ref Unsafe.Add(ref c, cStride), b0, b1, b2, b3, ref a00, ref a01, ref a02, ref a03, ref a10, ref a11, ref a12, ref a13, ref a20, ref a21, ref a22, ref a23, ref a30, ref a31, ref a32, ref a33);
            c = ref Unsafe.Add(ref c, 2 * cStride);
        }
        if (j < depth)
        {
            var (b0, b1) = (TSimd.Broadcast(Unsafe.Add(ref x0, j)), TSimd.Broadcast(Unsafe.Add(ref x1, j)));
            var (b2, b3) = (TSimd.Broadcast(Unsafe.Add(ref x2, j)), TSimd.Broadcast(Unsafe.Add(ref x3, j)));
            Coordinate<TVectors>(ref c, b0, b1, b2, b3, ref a00, ref a01, ref a02, ref a03, ref a10, ref a11, ref a12, ref a13, ref a20, ref a21, ref a22, ref a23, ref a30, ref a31, ref a32, ref a33);
        }
        if ((step & BlockStep.Finish) != 0)
        {
            Keep<TVectors, TEpilogue>(ref epilogue, 0, a00, a01, a02, a03);
            Keep<TVectors, TEpilogue>(ref epilogue, 1, a10, a11, a12, a13);
            Keep<TVectors, TEpilogue>(ref epilogue, 2, a20, a21, a22, a23);
            Keep<TVectors, TEpilogue>(ref epilogue, 3, a30, a31, a32, a33);
            return;
        }
        StoreRow<TVectors>(ref acc, a00, a01, a02, a03);
        StoreRow<TVectors>(ref Unsafe.Add(ref acc, accStride), a10, a11, a12, a13);
        StoreRow<TVectors>(ref Unsafe.Add(ref acc, 2 * accStride), a20, a21, a22, a23);
        StoreRow<TVectors>(ref Unsafe.Add(ref acc, 3 * accStride), a30, a31, a32, a33);
    }

    /// <summary>
    /// One coordinate of the tile: loads that coordinate of the tile's centroid vectors from <paramref name="c"/> and adds
    /// each point's coordinate, broadcast (<paramref name="x0"/> … <paramref name="x3"/>), times them to its accumulators.
    /// Inlined into <see cref="Block"/>, where the accumulators stay in registers; the caller broadcasts, so that each
    /// broadcast reads its float straight from memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Coordinate<TVectors>(
        ref float c, TVec x0, TVec x1, TVec x2, TVec x3,
        ref TVec a00, ref TVec a01, ref TVec a02, ref TVec a03, ref TVec a10, ref TVec a11, ref TVec a12, ref TVec a13,
        ref TVec a20, ref TVec a21, ref TVec a22, ref TVec a23, ref TVec a30, ref TVec a31, ref TVec a32, ref TVec a33)
        where TVectors : struct, ITileVectors
    {
        int w = TSimd.Width, vectors = TVectors.Count;
        TVec c0 = TSimd.Load(ref c);
        TVec c1 = vectors > 1 ? TSimd.Load(ref Unsafe.Add(ref c, w)) : default;
        TVec c2 = vectors > 2 ? TSimd.Load(ref Unsafe.Add(ref c, 2 * w)) : default;
        TVec c3 = vectors > 2 ? TSimd.Load(ref Unsafe.Add(ref c, 3 * w)) : default;
        MultiplyAddRow<TVectors>(x0, c0, c1, c2, c3, ref a00, ref a01, ref a02, ref a03);
        MultiplyAddRow<TVectors>(x1, c0, c1, c2, c3, ref a10, ref a11, ref a12, ref a13);
        MultiplyAddRow<TVectors>(x2, c0, c1, c2, c3, ref a20, ref a21, ref a22, ref a23);
        MultiplyAddRow<TVectors>(x3, c0, c1, c2, c3, ref a30, ref a31, ref a32, ref a33);
    }

    /// <summary><c>aᵥ = b · cᵥ + aᵥ</c> for the tile's vectors, one point's row of accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAddRow<TVectors>(TVec b, TVec c0, TVec c1, TVec c2, TVec c3, ref TVec a0, ref TVec a1, ref TVec a2, ref TVec a3)
        where TVectors : struct, ITileVectors
    {
        a0 = TSimd.MultiplyAdd(b, c0, a0);
        if (TVectors.Count > 1)
            a1 = TSimd.MultiplyAdd(b, c1, a1);
        if (TVectors.Count > 2)
        {
            a2 = TSimd.MultiplyAdd(b, c2, a2);
            a3 = TSimd.MultiplyAdd(b, c3, a3);
        }
    }

    /// <summary>Stores one row's accumulators for the next slice, as many vectors as the tile has.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TVectors>(ref float row, TVec a0, TVec a1, TVec a2, TVec a3)
        where TVectors : struct, ITileVectors
    {
        TSimd.Store(a0, ref row);
        if (TVectors.Count > 1)
            TSimd.Store(a1, ref Unsafe.Add(ref row, TSimd.Width));
        if (TVectors.Count > 2)
        {
            TSimd.Store(a2, ref Unsafe.Add(ref row, 2 * TSimd.Width));
            TSimd.Store(a3, ref Unsafe.Add(ref row, 3 * TSimd.Width));
        }
    }

    /// <summary>Hands one row's finished dot products to the epilogue, as many vectors as the tile has.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Keep<TVectors, TEpilogue>(ref TEpilogue epilogue, int row, TVec a0, TVec a1, TVec a2, TVec a3)
        where TVectors : struct, ITileVectors
        where TEpilogue : struct, ITileEpilogue, allows ref struct
    {
        if (TVectors.Count == 4)
            epilogue.Keep4(row, a0, a1, a2, a3);
        else if (TVectors.Count == 2)
            epilogue.Keep2(row, a0, a1);
        else
            epilogue.Keep1(row, a0);
    }
}
