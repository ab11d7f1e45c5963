using System.Runtime.CompilerServices;

namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// The register-blocked micro-kernels: four points × four, two or one vector(s) of centroids. For each
/// coordinate j a pass loads one vector of the d-major panel per centroid column, broadcasts <c>x[r, j]</c>
/// of each point, and issues one fused multiply-add per (point, vector); the accumulators stay in
/// registers for the whole dot product, and only the finished distances are stored to the tile.
/// </summary>
internal sealed partial class CpuKernels<TSimd, TVec>
{
    /// <summary>‖x‖² + ‖c‖² − 2·acc clamped at 0 (the −2 product is exact, so this equals the GPU kernels' formula).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(TVec dot, float pointNorm, ref float centroidNorms, ref float destination)
    {
        TVec sum = TSimd.Add(TSimd.Broadcast(pointNorm), TSimd.Load(ref centroidNorms));
        TSimd.Store(TSimd.ClampAtZero(TSimd.MultiplyAdd(dot, TSimd.Broadcast(-2f), sum)), ref destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows4x4(ref float x0, int d, ref float xn, CentroidPanel panel, int column, ref float tile)
    {
        int w = TSimd.Width, padded = panel.Padded;
        TVec a00 = default, a01 = default, a02 = default, a03 = default;
        TVec a10 = default, a11 = default, a12 = default, a13 = default;
        TVec a20 = default, a21 = default, a22 = default, a23 = default;
        TVec a30 = default, a31 = default, a32 = default, a33 = default;
        ref float x1 = ref Unsafe.Add(ref x0, d);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * d);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * d);
        ref float c = ref Unsafe.Add(ref panel.Transposed, column);
        for (int j = 0; j < d; j++)
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
            c = ref Unsafe.Add(ref c, padded);
        }
        ref float n = ref Unsafe.Add(ref panel.Norms, column);
        ref float t0 = ref Unsafe.Add(ref tile, column);
        ref float t1 = ref Unsafe.Add(ref t0, padded);
        ref float t2 = ref Unsafe.Add(ref t0, 2 * padded);
        ref float t3 = ref Unsafe.Add(ref t0, 3 * padded);
        Finish(a00, xn, ref n, ref t0);
        Finish(a01, xn, ref Unsafe.Add(ref n, w), ref Unsafe.Add(ref t0, w));
        Finish(a02, xn, ref Unsafe.Add(ref n, 2 * w), ref Unsafe.Add(ref t0, 2 * w));
        Finish(a03, xn, ref Unsafe.Add(ref n, 3 * w), ref Unsafe.Add(ref t0, 3 * w));
        float xn1 = Unsafe.Add(ref xn, 1), xn2 = Unsafe.Add(ref xn, 2), xn3 = Unsafe.Add(ref xn, 3);
        Finish(a10, xn1, ref n, ref t1);
        Finish(a11, xn1, ref Unsafe.Add(ref n, w), ref Unsafe.Add(ref t1, w));
        Finish(a12, xn1, ref Unsafe.Add(ref n, 2 * w), ref Unsafe.Add(ref t1, 2 * w));
        Finish(a13, xn1, ref Unsafe.Add(ref n, 3 * w), ref Unsafe.Add(ref t1, 3 * w));
        Finish(a20, xn2, ref n, ref t2);
        Finish(a21, xn2, ref Unsafe.Add(ref n, w), ref Unsafe.Add(ref t2, w));
        Finish(a22, xn2, ref Unsafe.Add(ref n, 2 * w), ref Unsafe.Add(ref t2, 2 * w));
        Finish(a23, xn2, ref Unsafe.Add(ref n, 3 * w), ref Unsafe.Add(ref t2, 3 * w));
        Finish(a30, xn3, ref n, ref t3);
        Finish(a31, xn3, ref Unsafe.Add(ref n, w), ref Unsafe.Add(ref t3, w));
        Finish(a32, xn3, ref Unsafe.Add(ref n, 2 * w), ref Unsafe.Add(ref t3, 2 * w));
        Finish(a33, xn3, ref Unsafe.Add(ref n, 3 * w), ref Unsafe.Add(ref t3, 3 * w));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows4x2(ref float x0, int d, ref float xn, CentroidPanel panel, int column, ref float tile)
    {
        int w = TSimd.Width, padded = panel.Padded;
        TVec a00 = default, a01 = default, a10 = default, a11 = default;
        TVec a20 = default, a21 = default, a30 = default, a31 = default;
        ref float x1 = ref Unsafe.Add(ref x0, d);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * d);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * d);
        ref float c = ref Unsafe.Add(ref panel.Transposed, column);
        for (int j = 0; j < d; j++)
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
            c = ref Unsafe.Add(ref c, padded);
        }
        ref float n = ref Unsafe.Add(ref panel.Norms, column);
        ref float t0 = ref Unsafe.Add(ref tile, column);
        ref float n1 = ref Unsafe.Add(ref n, w);
        Finish(a00, xn, ref n, ref t0);
        Finish(a01, xn, ref n1, ref Unsafe.Add(ref t0, w));
        ref float t1 = ref Unsafe.Add(ref t0, padded);
        Finish(a10, Unsafe.Add(ref xn, 1), ref n, ref t1);
        Finish(a11, Unsafe.Add(ref xn, 1), ref n1, ref Unsafe.Add(ref t1, w));
        ref float t2 = ref Unsafe.Add(ref t0, 2 * padded);
        Finish(a20, Unsafe.Add(ref xn, 2), ref n, ref t2);
        Finish(a21, Unsafe.Add(ref xn, 2), ref n1, ref Unsafe.Add(ref t2, w));
        ref float t3 = ref Unsafe.Add(ref t0, 3 * padded);
        Finish(a30, Unsafe.Add(ref xn, 3), ref n, ref t3);
        Finish(a31, Unsafe.Add(ref xn, 3), ref n1, ref Unsafe.Add(ref t3, w));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows4x1(ref float x0, int d, ref float xn, CentroidPanel panel, int column, ref float tile)
    {
        int padded = panel.Padded;
        TVec a0 = default, a1 = default, a2 = default, a3 = default;
        ref float x1 = ref Unsafe.Add(ref x0, d);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * d);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * d);
        ref float c = ref Unsafe.Add(ref panel.Transposed, column);
        for (int j = 0; j < d; j++)
        {
            TVec c0 = TSimd.Load(ref c);
            a0 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x0, j)), c0, a0);
            a1 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x1, j)), c0, a1);
            a2 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x2, j)), c0, a2);
            a3 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x3, j)), c0, a3);
            c = ref Unsafe.Add(ref c, padded);
        }
        ref float n = ref Unsafe.Add(ref panel.Norms, column);
        ref float t0 = ref Unsafe.Add(ref tile, column);
        Finish(a0, xn, ref n, ref t0);
        Finish(a1, Unsafe.Add(ref xn, 1), ref n, ref Unsafe.Add(ref t0, padded));
        Finish(a2, Unsafe.Add(ref xn, 2), ref n, ref Unsafe.Add(ref t0, 2 * padded));
        Finish(a3, Unsafe.Add(ref xn, 3), ref n, ref Unsafe.Add(ref t0, 3 * padded));
    }
}
