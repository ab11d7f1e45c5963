namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// The constants that fix the summation order of the label-sort reduction. They are deliberately not part of
/// <see cref="IReductionConfig"/>: every device and configuration adds the same terms in the same order.
/// </summary>
/// <remarks>
/// Each row of the partial-sum tables has <c>d + 3</c> columns (<see cref="Width"/>): column j &lt; d holds
/// Σ wᵢ·xᵢⱼ, column d Σ wᵢ, column d + 1 Σ wᵢ·minDistᵢ (the inertia) and column d + 2 the number of points
/// whose label differs from the previous one (a double, exact below 2⁵³).
/// </remarks>
internal static class ReductionLayout
{
    /// <summary>Bits of one radix digit.</summary>
    public const int DigitBits = 8;

    /// <summary>Values of one radix digit, 2⁸.</summary>
    public const int DigitCount = 1 << DigitBits;

    /// <summary>
    /// C: consecutive sorted points per level-1 chunk. A cluster segment of s points has ⌈s / C⌉ chunks, the
    /// last one short; chunk boundaries depend only on the segment sizes.
    /// </summary>
    public const int ChunkSize = 64;

    /// <summary>F: consecutive level-1 chunks of one cluster per level-2 chunk (⌈chunks / F⌉ per cluster).</summary>
    public const int FanIn = 64;

    /// <summary>Extra columns after the d point columns: weight, weighted distance, changed-label count.</summary>
    public const int ExtraColumns = 3;

    /// <summary>Columns of a partial-sum row, d + 3.</summary>
    public static int Width(int dimensions) => dimensions + ExtraColumns;

    /// <summary>Radix passes for labels in [0, k): ⌈bitlength(k − 1) / 8⌉, at least 1.</summary>
    public static int PassCount(int clusterCount)
    {
        int bits = clusterCount <= 1 ? 0 : 32 - int.LeadingZeroCount(clusterCount - 1);
        return Math.Max(1, (bits + DigitBits - 1) / DigitBits);
    }

    /// <summary>Upper bound on level-1 chunks: Σ⌈s_c / C⌉ ≤ n / C + k.</summary>
    public static long MaxChunks(int pointCount, int clusterCount) =>
        ((long)pointCount + ChunkSize - 1) / ChunkSize + clusterCount;

    /// <summary>Upper bound on level-2 chunks: Σ⌈chunks_c / F⌉ ≤ chunks / F + k.</summary>
    public static long MaxSuperChunks(int pointCount, int clusterCount) =>
        (MaxChunks(pointCount, clusterCount) + FanIn - 1) / FanIn + clusterCount;
}
