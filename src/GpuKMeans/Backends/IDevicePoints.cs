namespace GpuKMeans.Backends;

/// <summary>
/// Points resident on a device plus the state of one fit: the current centroids, each point's label and
/// squared distance to its centroid, and the k-means++ closest-distance array. Every operation is
/// deterministic: the same inputs give bit-identical outputs, whatever the thread timing.
/// </summary>
internal interface IDevicePoints : IDisposable
{
    /// <summary>Number of points <c>n</c>.</summary>
    int Count { get; }

    /// <summary>Number of features <c>d</c>.</summary>
    int Dimensions { get; }

    /// <summary>Makes <paramref name="centroids"/> (row-major <c>k × d</c>) the centroids of the next operations.</summary>
    void SetCentroids(ReadOnlySpan<float> centroids, int clusterCount);

    /// <summary>Forgets the previous labels, so the next <see cref="Accumulate"/> counts every point as changed.</summary>
    void ResetLabels();

    /// <summary>Labels every point with its nearest centroid (lowest index on ties) and keeps its clamped squared distance.</summary>
    void Assign();

    /// <summary>Per-cluster weighted sums and weights of the last assignment, its inertia and how many labels changed.</summary>
    ClusterSums Accumulate();

    /// <summary>Copies the labels of the last assignment.</summary>
    void CopyLabels(Span<int> labels);

    /// <summary>Copies each point's squared distance to its centroid from the last assignment.</summary>
    void CopyMinDistances(Span<float> distances);

    /// <summary>
    /// Squared distances of points <c>[firstRow, firstRow + rowCount)</c> to every current centroid,
    /// row-major <c>rowCount × k</c>, clamped at 0.
    /// </summary>
    void ComputeDistances(int firstRow, int rowCount, Span<float> distances);

    /// <summary>k-means++: sets every point's distance to the chosen centres to +∞.</summary>
    void ResetClosest();

    /// <summary>k-means++: lowers every point's closest distance by its distance to point <paramref name="row"/>.</summary>
    void UpdateClosest(int row);

    /// <summary>
    /// k-means++: for each candidate row, <c>Σ wᵢ · min(closestᵢ, ‖xᵢ − x_candidate‖²)</c>, the inertia the
    /// seeding would have if that candidate were added.
    /// </summary>
    void ComputeCandidatePotentials(ReadOnlySpan<int> candidateRows, Span<double> potentials);

    /// <summary>k-means++: points per block of <see cref="ComputeClosestBlockSums"/>.</summary>
    int ClosestBlockSize { get; }

    /// <summary>k-means++: <c>Σ wᵢ · closestᵢ</c> over each block of <see cref="ClosestBlockSize"/> consecutive points.</summary>
    void ComputeClosestBlockSums(Span<double> blockSums);

    /// <summary>k-means++: copies the closest distances of points <c>[firstRow, firstRow + destination.Length)</c>.</summary>
    void CopyClosest(int firstRow, Span<float> destination);

    /// <summary>
    /// Silhouette: for each sampled row <c>rows[t]</c>, the sums of its Euclidean (not squared) distances
    /// <c>√max(0, ‖x_rows[t] − x_rows[u]‖²)</c> to every other sampled row <c>rows[u]</c> (u ≠ t, in u order, in
    /// double), by the label of <c>rows[u]</c> from the last <see cref="Assign"/>, into
    /// <c>sums[t · clusterCount + label]</c> (row-major <c>rows.Length × clusterCount</c>, overwritten).
    /// </summary>
    void ComputeClusterDistanceSums(ReadOnlySpan<int> rows, int clusterCount, Span<double> sums);
}
