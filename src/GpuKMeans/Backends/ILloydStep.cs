namespace GpuKMeans.Backends;

/// <summary>
/// The Lloyd step as a device answers it: assign the points to the current centroids and return their
/// partial statistics. The labels and distances of the last step stay on the device for the solver's
/// empty-cluster relocation and for the final labels.
/// </summary>
internal interface ILloydStep : IPointShape
{
    /// <summary>Makes <paramref name="centroids"/> (row-major <c>k × d</c>) the centroids of the next operations.</summary>
    void SetCentroids(ReadOnlySpan<float> centroids, int clusterCount);

    /// <summary>Forgets the previous labels, so the next step counts every point as changed.</summary>
    void ResetLabels();

    /// <summary>
    /// Labels every point with its nearest current centroid (lowest index on ties), keeps its clamped squared
    /// distance, and returns the per-cluster weighted sums and weights, the inertia and the number of labels
    /// that differ from the previous step's.
    /// </summary>
    /// <param name="cancellationToken">Checked while the step runs, between blocks of points where the backend
    /// has them, so a cancel is seen within a fraction of an iteration.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    PartialStatistics AssignAndReduce(CancellationToken cancellationToken = default);

    /// <summary>
    /// The inertia of the last step computed directly, <c>Σ wᵢ‖xᵢ − c_labelᵢ‖²</c> in double with the current
    /// centroids, never from the expanded form (which cancels when clusters are tight relative to their norms).
    /// Summed over fixed blocks of <see cref="PartitionRules.InertiaBlockSize"/> points, the blocks in order.
    /// </summary>
    double ExactInertia();

    /// <summary>Copies the labels of the last step.</summary>
    void CopyLabels(Span<int> labels);

    /// <summary>Copies each point's squared distance to its centroid from the last step.</summary>
    void CopyMinDistances(Span<float> distances);
}
