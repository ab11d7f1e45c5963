namespace GpuKMeans.Backends;

/// <summary>Distances between points and centroids, or between sampled points (transform, silhouette).</summary>
internal interface IPairwiseOperations : IPointShape
{
    /// <summary>
    /// Squared distances of points <c>[firstRow, firstRow + rowCount)</c> to every current centroid
    /// (<see cref="ILloydStep.SetCentroids"/>), row-major <c>rowCount × k</c>, clamped at 0.
    /// </summary>
    void ComputeDistances(int firstRow, int rowCount, Span<float> distances);

    /// <summary>
    /// For each sampled row <c>rows[t]</c>, the sums of its Euclidean (not squared) distances
    /// <c>√max(0, ‖x_rows[t] − x_rows[u]‖²)</c> to every other sampled row (u ≠ t, in u order, in double), by
    /// <c>sampleLabels[u]</c>, into <c>sums[t · clusterCount + label]</c> (row-major <c>rows.Length × clusterCount</c>, overwritten).
    /// </summary>
    void ComputeClusterDistanceSums(ReadOnlySpan<int> rows, ReadOnlySpan<int> sampleLabels, int clusterCount, Span<double> sums);
}
