namespace GpuKMeans;

/// <summary>What one Lloyd iteration did (FAISS's <c>iteration_stats</c>).</summary>
/// <param name="Run">0-based index of the run (one per <see cref="KMeansOptions.InitCount"/>).</param>
/// <param name="Iteration">1-based iteration number within its run.</param>
/// <param name="Inertia">Weighted sum of squared distances of the points to the centroids they were assigned to in this iteration.</param>
/// <param name="CentroidShift">Sum over clusters of the squared distance each centroid moved in this iteration's update (compared with the tolerance).</param>
/// <param name="LabelChangeCount">Points whose label differs from the previous iteration's (all points in the first).</param>
/// <param name="RelocatedClusterCount">Empty clusters moved to far-away points in this iteration.</param>
/// <param name="Elapsed">Wall-clock time of the iteration.</param>
public readonly record struct KMeansIterationStats(
    int Run,
    int Iteration,
    double Inertia,
    double CentroidShift,
    long LabelChangeCount,
    int RelocatedClusterCount,
    TimeSpan Elapsed)
{
    /// <summary>
    /// Point–centroid distances this iteration did not evaluate thanks to pruning (<see cref="KMeansAlgorithm.Elkan"/>,
    /// <see cref="KMeansAlgorithm.Yinyang"/>), out of Lloyd's <c>n · k</c>; 0 for <see cref="KMeansAlgorithm.Lloyd"/>.
    /// </summary>
    public long SkippedDistanceCount { get; init; }
}
