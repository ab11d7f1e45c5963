namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>
/// How the centroid reduction splits the points: <see cref="BlockCount"/> fixed blocks of
/// <see cref="BlockSize"/> consecutive points, each with its own partial sums. The split depends only on
/// (n, k, d), never on the device, so every backend adds the same numbers in the same order.
/// </summary>
internal readonly struct ReductionShape
{
    /// <summary>Fewest points a block walks: below this, partial-sum traffic outweighs the work.</summary>
    public const int MinBlockSize = 256;

    /// <summary>Most partial-sum doubles (64 MiB) kept for all blocks together.</summary>
    public const long PartialBudget = 1L << 23;

    public ReductionShape(int pointCount, int dimensions, int clusterCount)
    {
        PointCount = pointCount;
        Dimensions = dimensions;
        ClusterCount = clusterCount;
        long byWork = (pointCount + MinBlockSize - 1) / MinBlockSize;
        long byMemory = PartialBudget / ((long)clusterCount * dimensions);
        BlockCount = (int)Math.Max(1, Math.Min(byWork, byMemory));
        BlockSize = (int)((pointCount + (long)BlockCount - 1) / BlockCount);
    }

    public int PointCount { get; }
    public int Dimensions { get; }
    public int ClusterCount { get; }
    public int BlockCount { get; }
    public int BlockSize { get; }

    /// <summary>Length of the combined output: k·d sums, k weights, the inertia and the label-change count.</summary>
    public int OutputLength => ClusterCount * Dimensions + ClusterCount + 2;
}
