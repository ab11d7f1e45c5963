using System.Runtime.CompilerServices;

namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// The register tiles: four points × four, two or one vector(s) of centroids, over a slice of <c>depth</c>
/// coordinates of a d-major centroid panel whose rows are <c>stride</c> floats apart (a micro-panel of
/// <see cref="CentroidMicroPanels"/>, or the whole <see cref="CentroidPanel"/>). For each coordinate j a tile
/// loads one vector per centroid column, broadcasts <c>x[r, j]</c> of each point, and issues one fused
/// multiply-add per (point, vector) into accumulators that stay in registers for the whole slice. A tile
/// either starts at zero or resumes the accumulators a previous slice stored, and either stores them for the
/// next slice or finishes: hands them to its epilogue (<see cref="ITileEpilogue"/>), which turns them into
/// distances. Storing and reloading a float is exact, so every lane is one chain of fused multiply-adds in
/// column order whatever the slicing, and the result does not depend on the vector width.
/// </summary>
internal sealed partial class CpuKernels<TSimd, TVec>
{
    /// <summary>What a finishing tile does with its dot products, per point row of the group.</summary>
    private interface ITileEpilogue
    {
        void Keep4(int row, TVec a0, TVec a1, TVec a2, TVec a3);

        void Keep2(int row, TVec a0, TVec a1);

        void Keep1(int row, TVec a0);
    }

    /// <summary>‖x‖² + ‖c‖² − 2·dot clamped at 0 (the −2 product is exact, so this equals the GPU kernels' formula).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Distance(TVec dot, TVec pointNorm, ref float centroidNorms) =>
        TSimd.ClampAtZero(TSimd.MultiplyAdd(dot, TSimd.Broadcast(-2f), TSimd.Add(pointNorm, TSimd.Load(ref centroidNorms))));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block4x4<TEpilogue>(ref float x0, int d, ref float c, int stride, int depth, ref float acc, int accStride, BlockStep step, ref TEpilogue epilogue)
        where TEpilogue : struct, ITileEpilogue, allows ref struct
    {
        int w = TSimd.Width;
        TVec a00 = default, a01 = default, a02 = default, a03 = default;
        TVec a10 = default, a11 = default, a12 = default, a13 = default;
        TVec a20 = default, a21 = default, a22 = default, a23 = default;
        TVec a30 = default, a31 = default, a32 = default, a33 = default;
        ref float acc1 = ref Unsafe.Add(ref acc, accStride);
        ref float acc2 = ref Unsafe.Add(ref acc, 2 * accStride);
        ref float acc3 = ref Unsafe.Add(ref acc, 3 * accStride);
        if ((step & BlockStep.Resume) != 0)
        {
            a00 = TSimd.Load(ref acc);
            a01 = TSimd.Load(ref Unsafe.Add(ref acc, w));
            a02 = TSimd.Load(ref Unsafe.Add(ref acc, 2 * w));
            a03 = TSimd.Load(ref Unsafe.Add(ref acc, 3 * w));
            a10 = TSimd.Load(ref acc1);
            a11 = TSimd.Load(ref Unsafe.Add(ref acc1, w));
            a12 = TSimd.Load(ref Unsafe.Add(ref acc1, 2 * w));
            a13 = TSimd.Load(ref Unsafe.Add(ref acc1, 3 * w));
            a20 = TSimd.Load(ref acc2);
            a21 = TSimd.Load(ref Unsafe.Add(ref acc2, w));
            a22 = TSimd.Load(ref Unsafe.Add(ref acc2, 2 * w));
            a23 = TSimd.Load(ref Unsafe.Add(ref acc2, 3 * w));
            a30 = TSimd.Load(ref acc3);
            a31 = TSimd.Load(ref Unsafe.Add(ref acc3, w));
            a32 = TSimd.Load(ref Unsafe.Add(ref acc3, 2 * w));
            a33 = TSimd.Load(ref Unsafe.Add(ref acc3, 3 * w));
        }
        ref float x1 = ref Unsafe.Add(ref x0, d);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * d);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * d);
        for (int j = 0; j < depth; j++)
        {
            TVec c0 = TSimd.Load(ref c);
            TVec c1 = TSimd.Load(ref Unsafe.Add(ref c, w));
            TVec c2 = TSimd.Load(ref Unsafe.Add(ref c, 2 * w));
            TVec c3 = TSimd.Load(ref Unsafe.Add(ref c, 3 * w));
            TVec b = TSimd.Broadcast(Unsafe.Add(ref x0, j));
            a00 = TSimd.MultiplyAdd(b, c0, a00);
            a01 = TSimd.MultiplyAdd(b, c1, a01);
            a02 = TSimd.MultiplyAdd(b, c2, a02);
            a03 = TSimd.MultiplyAdd(b, c3, a03);
            b = TSimd.Broadcast(Unsafe.Add(ref x1, j));
            a10 = TSimd.MultiplyAdd(b, c0, a10);
            a11 = TSimd.MultiplyAdd(b, c1, a11);
            a12 = TSimd.MultiplyAdd(b, c2, a12);
            a13 = TSimd.MultiplyAdd(b, c3, a13);
            b = TSimd.Broadcast(Unsafe.Add(ref x2, j));
            a20 = TSimd.MultiplyAdd(b, c0, a20);
            a21 = TSimd.MultiplyAdd(b, c1, a21);
            a22 = TSimd.MultiplyAdd(b, c2, a22);
            a23 = TSimd.MultiplyAdd(b, c3, a23);
            b = TSimd.Broadcast(Unsafe.Add(ref x3, j));
            a30 = TSimd.MultiplyAdd(b, c0, a30);
            a31 = TSimd.MultiplyAdd(b, c1, a31);
            a32 = TSimd.MultiplyAdd(b, c2, a32);
            a33 = TSimd.MultiplyAdd(b, c3, a33);
            c = ref Unsafe.Add(ref c, stride);
        }
        if ((step & BlockStep.Finish) != 0)
        {
            epilogue.Keep4(0, a00, a01, a02, a03);
            epilogue.Keep4(1, a10, a11, a12, a13);
            epilogue.Keep4(2, a20, a21, a22, a23);
            epilogue.Keep4(3, a30, a31, a32, a33);
            return;
        }
        TSimd.Store(a00, ref acc);
        TSimd.Store(a01, ref Unsafe.Add(ref acc, w));
        TSimd.Store(a02, ref Unsafe.Add(ref acc, 2 * w));
        TSimd.Store(a03, ref Unsafe.Add(ref acc, 3 * w));
        TSimd.Store(a10, ref acc1);
        TSimd.Store(a11, ref Unsafe.Add(ref acc1, w));
        TSimd.Store(a12, ref Unsafe.Add(ref acc1, 2 * w));
        TSimd.Store(a13, ref Unsafe.Add(ref acc1, 3 * w));
        TSimd.Store(a20, ref acc2);
        TSimd.Store(a21, ref Unsafe.Add(ref acc2, w));
        TSimd.Store(a22, ref Unsafe.Add(ref acc2, 2 * w));
        TSimd.Store(a23, ref Unsafe.Add(ref acc2, 3 * w));
        TSimd.Store(a30, ref acc3);
        TSimd.Store(a31, ref Unsafe.Add(ref acc3, w));
        TSimd.Store(a32, ref Unsafe.Add(ref acc3, 2 * w));
        TSimd.Store(a33, ref Unsafe.Add(ref acc3, 3 * w));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block4x2<TEpilogue>(ref float x0, int d, ref float c, int stride, int depth, ref float acc, int accStride, BlockStep step, ref TEpilogue epilogue)
        where TEpilogue : struct, ITileEpilogue, allows ref struct
    {
        int w = TSimd.Width;
        TVec a00 = default, a01 = default;
        TVec a10 = default, a11 = default;
        TVec a20 = default, a21 = default;
        TVec a30 = default, a31 = default;
        ref float acc1 = ref Unsafe.Add(ref acc, accStride);
        ref float acc2 = ref Unsafe.Add(ref acc, 2 * accStride);
        ref float acc3 = ref Unsafe.Add(ref acc, 3 * accStride);
        if ((step & BlockStep.Resume) != 0)
        {
            a00 = TSimd.Load(ref acc);
            a01 = TSimd.Load(ref Unsafe.Add(ref acc, w));
            a10 = TSimd.Load(ref acc1);
            a11 = TSimd.Load(ref Unsafe.Add(ref acc1, w));
            a20 = TSimd.Load(ref acc2);
            a21 = TSimd.Load(ref Unsafe.Add(ref acc2, w));
            a30 = TSimd.Load(ref acc3);
            a31 = TSimd.Load(ref Unsafe.Add(ref acc3, w));
        }
        ref float x1 = ref Unsafe.Add(ref x0, d);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * d);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * d);
        for (int j = 0; j < depth; j++)
        {
            TVec c0 = TSimd.Load(ref c);
            TVec c1 = TSimd.Load(ref Unsafe.Add(ref c, w));
            TVec b = TSimd.Broadcast(Unsafe.Add(ref x0, j));
            a00 = TSimd.MultiplyAdd(b, c0, a00);
            a01 = TSimd.MultiplyAdd(b, c1, a01);
            b = TSimd.Broadcast(Unsafe.Add(ref x1, j));
            a10 = TSimd.MultiplyAdd(b, c0, a10);
            a11 = TSimd.MultiplyAdd(b, c1, a11);
            b = TSimd.Broadcast(Unsafe.Add(ref x2, j));
            a20 = TSimd.MultiplyAdd(b, c0, a20);
            a21 = TSimd.MultiplyAdd(b, c1, a21);
            b = TSimd.Broadcast(Unsafe.Add(ref x3, j));
            a30 = TSimd.MultiplyAdd(b, c0, a30);
            a31 = TSimd.MultiplyAdd(b, c1, a31);
            c = ref Unsafe.Add(ref c, stride);
        }
        if ((step & BlockStep.Finish) != 0)
        {
            epilogue.Keep2(0, a00, a01);
            epilogue.Keep2(1, a10, a11);
            epilogue.Keep2(2, a20, a21);
            epilogue.Keep2(3, a30, a31);
            return;
        }
        TSimd.Store(a00, ref acc);
        TSimd.Store(a01, ref Unsafe.Add(ref acc, w));
        TSimd.Store(a10, ref acc1);
        TSimd.Store(a11, ref Unsafe.Add(ref acc1, w));
        TSimd.Store(a20, ref acc2);
        TSimd.Store(a21, ref Unsafe.Add(ref acc2, w));
        TSimd.Store(a30, ref acc3);
        TSimd.Store(a31, ref Unsafe.Add(ref acc3, w));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block4x1<TEpilogue>(ref float x0, int d, ref float c, int stride, int depth, ref float acc, int accStride, BlockStep step, ref TEpilogue epilogue)
        where TEpilogue : struct, ITileEpilogue, allows ref struct
    {
        TVec a00 = default;
        TVec a10 = default;
        TVec a20 = default;
        TVec a30 = default;
        ref float acc1 = ref Unsafe.Add(ref acc, accStride);
        ref float acc2 = ref Unsafe.Add(ref acc, 2 * accStride);
        ref float acc3 = ref Unsafe.Add(ref acc, 3 * accStride);
        if ((step & BlockStep.Resume) != 0)
        {
            a00 = TSimd.Load(ref acc);
            a10 = TSimd.Load(ref acc1);
            a20 = TSimd.Load(ref acc2);
            a30 = TSimd.Load(ref acc3);
        }
        ref float x1 = ref Unsafe.Add(ref x0, d);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * d);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * d);
        for (int j = 0; j < depth; j++)
        {
            TVec c0 = TSimd.Load(ref c);
            TVec b = TSimd.Broadcast(Unsafe.Add(ref x0, j));
            a00 = TSimd.MultiplyAdd(b, c0, a00);
            b = TSimd.Broadcast(Unsafe.Add(ref x1, j));
            a10 = TSimd.MultiplyAdd(b, c0, a10);
            b = TSimd.Broadcast(Unsafe.Add(ref x2, j));
            a20 = TSimd.MultiplyAdd(b, c0, a20);
            b = TSimd.Broadcast(Unsafe.Add(ref x3, j));
            a30 = TSimd.MultiplyAdd(b, c0, a30);
            c = ref Unsafe.Add(ref c, stride);
        }
        if ((step & BlockStep.Finish) != 0)
        {
            epilogue.Keep1(0, a00);
            epilogue.Keep1(1, a10);
            epilogue.Keep1(2, a20);
            epilogue.Keep1(3, a30);
            return;
        }
        TSimd.Store(a00, ref acc);
        TSimd.Store(a10, ref acc1);
        TSimd.Store(a20, ref acc2);
        TSimd.Store(a30, ref acc3);
    }
}
