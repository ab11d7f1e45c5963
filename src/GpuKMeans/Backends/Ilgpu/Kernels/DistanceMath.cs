using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>The squared-distance formula every kernel shares, so all of them agree to the last bit.</summary>
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
