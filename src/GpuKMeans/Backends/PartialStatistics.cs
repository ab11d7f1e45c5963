namespace GpuKMeans.Backends;

/// <summary>
/// What one assignment of a set of points to given centroids leaves for the centroid update: per-cluster
/// weighted coordinate sums and weights, the inertia and the number of labels that changed. Statistics of
/// disjoint sets of points (blocks, chunks, shards) merge by <see cref="Merge"/> — element-wise addition in
/// double — always in the same order (block order, then shard order), so the result is bit-identical run to run.
/// </summary>
/// <param name="Sums">Row-major <c>k × d</c> weighted coordinate sums Σ wᵢ·xᵢ, per cluster.</param>
/// <param name="Weights">Total sample weight of each cluster (its size when unweighted).</param>
/// <param name="Inertia">Σ wᵢ · (squared distance of point i to its centroid).</param>
/// <param name="LabelChangeCount">Points whose label differs from the previous assignment's.</param>
internal sealed record PartialStatistics(double[] Sums, double[] Weights, double Inertia, long LabelChangeCount)
{
    /// <summary>Point–centroid distances a pruning backend did not evaluate (0 when it evaluates all <c>n · k</c>).</summary>
    public long SkippedDistanceCount { get; init; }

    /// <summary>The statistics of the union of two disjoint point sets: <c>this + other</c>, element by element.</summary>
    /// <exception cref="ArgumentException">The two have different cluster counts or dimensions.</exception>
    public PartialStatistics Merge(PartialStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Sums.Length != Sums.Length || other.Weights.Length != Weights.Length)
            throw new ArgumentException(
                $"Cannot merge statistics of {other.Weights.Length} clusters × {other.Sums.Length} sums into {Weights.Length} × {Sums.Length}.",
                nameof(other));
        var sums = new double[Sums.Length];
        var weights = new double[Weights.Length];
        PartitionRules.AddInOrder(sums, Sums);
        PartitionRules.AddInOrder(sums, other.Sums);
        PartitionRules.AddInOrder(weights, Weights);
        PartitionRules.AddInOrder(weights, other.Weights);
        return new PartialStatistics(sums, weights, Inertia + other.Inertia, LabelChangeCount + other.LabelChangeCount)
        {
            SkippedDistanceCount = SkippedDistanceCount + other.SkippedDistanceCount,
        };
    }
}
