using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>
/// The plain squared-distance formula of the silhouette kernel (the tiled core computes the same expanded form
/// with its own dot products). A kernel gives the same bits on every run of one backend; across backends the
/// results agree within the tolerance table only, because the PTX compiler contracts multiply + add into FFMA
/// where the CPU paths round twice (or fuse in another order).
/// </summary>
internal static class DistanceMath
{
    /// <summary>
    /// ‖a‖² + ‖b‖² − 2·a·b for rows of length <paramref name="dimensions"/>, clamped at 0. The expanded form
    /// needs one dot product per pair (a GEMM's worth of work); rounding can make it slightly negative for
    /// nearly equal rows, hence the clamp.
    /// </summary>
    public static float SquaredDistance(
        ArrayView<float> a, long aStart, float aNorm,
        ArrayView<float> b, long bStart, float bNorm,
        int dimensions)
    {
        float dot = 0f;
        for (int j = 0; j < dimensions; j++)
            dot += a[aStart + j] * b[bStart + j];
        float distance = aNorm + bNorm - 2f * dot;
        return distance > 0f ? distance : 0f;
    }
}
