using System.Numerics.Tensors;

namespace GpuKMeans.Backends;

/// <summary>
/// Rules every backend shares, so that they split and combine work the same way: how points are blocked
/// for k-means++ sampling, and how partial sums are added. A rule here depends only on the problem's shape
/// (n, k, d), never on the device or the core count.
/// </summary>
internal static class PartitionRules
{
    /// <summary>Points per block of the exact inertia (<see cref="ILloydStep.ExactInertia"/>).</summary>
    public const int InertiaBlockSize = 4096;

    /// <summary>Number of exact-inertia blocks for <paramref name="pointCount"/> points.</summary>
    public static int InertiaBlockCount(int pointCount) => (int)(((long)pointCount + InertiaBlockSize - 1) / InertiaBlockSize);

    /// <summary>Fewest points in a k-means++ sampling block.</summary>
    public const int MinSeedingBlockSize = 256;

    /// <summary>Most k-means++ sampling blocks: their sums come back to the host at every chosen centre.</summary>
    public const int MaxSeedingBlocks = 4096;

    /// <summary>
    /// Points per k-means++ block: <c>max(256, ⌈n / 4096⌉)</c>. D² sampling finds the block from the device's
    /// block sums, then the row within the block on the host.
    /// </summary>
    public static int SeedingBlockSize(int pointCount) =>
        Math.Max(MinSeedingBlockSize, (int)(((long)pointCount + MaxSeedingBlocks - 1) / MaxSeedingBlocks));

    /// <summary>Number of k-means++ blocks for <paramref name="pointCount"/> points.</summary>
    public static int SeedingBlockCount(int pointCount) => BlockCount(pointCount, SeedingBlockSize(pointCount));

    /// <summary><c>⌈pointCount / blockSize⌉</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockSize"/> is not positive.</exception>
    public static int BlockCount(int pointCount, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        return (int)(((long)pointCount + blockSize - 1) / blockSize);
    }

    /// <summary>The number of rows in <paramref name="length"/> row-major values of <paramref name="dimensions"/> columns.</summary>
    /// <exception cref="ArgumentException">The length is zero or not a whole number of rows.</exception>
    public static int CheckRows(int length, int dimensions, string parameter)
    {
        if (length == 0 || length % dimensions != 0)
            throw new ArgumentException($"{parameter} has {length} values, not a positive whole number of rows of {dimensions}.", parameter);
        return length / dimensions;
    }

    /// <summary>Checks that a per-point array has one value per point.</summary>
    /// <exception cref="ArgumentException">The length differs from <paramref name="count"/>.</exception>
    public static void CheckPerPoint(int length, int count, string parameter)
    {
        if (length != count)
            throw new ArgumentException($"{parameter} has {length} values for {count} points.", parameter);
    }

    /// <summary>
    /// <c>target += partial</c>, element by element: partials are always added into a zeroed target one at a
    /// time, in block (then shard) order, so each cell is the same sequence of double additions on every run.
    /// </summary>
    public static void AddInOrder(Span<double> target, ReadOnlySpan<double> partial) =>
        TensorPrimitives.Add(target, partial, target);
}
