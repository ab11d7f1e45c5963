namespace GpuKMeans.Backends;

/// <summary>
/// What greedy k-means++ asks of a device: each point's squared distance to the closest centre chosen so
/// far, the potential each candidate would leave, and block sums for D² sampling. Blocks are
/// <see cref="PartitionRules.SeedingBlockSize"/> consecutive points.
/// </summary>
internal interface ISeedingOperations : IPointShape
{
    /// <summary>Sets every point's distance to the chosen centres to +∞.</summary>
    void ResetClosest();

    /// <summary>Lowers every point's closest distance by its distance to point <paramref name="row"/>.</summary>
    void UpdateClosest(int row);

    /// <summary>
    /// For each candidate row, <c>Σ wᵢ · min(closestᵢ, ‖xᵢ − x_candidate‖²)</c>: the potential the seeding
    /// would have if that candidate were added.
    /// </summary>
    void ComputeCandidatePotentials(ReadOnlySpan<int> candidateRows, Span<double> potentials);

    /// <summary><c>Σ wᵢ · closestᵢ</c> over each block of <see cref="PartitionRules.SeedingBlockSize"/> consecutive points.</summary>
    void ComputeClosestBlockSums(Span<double> blockSums);

    /// <summary>Copies the closest distances of points <c>[firstRow, firstRow + destination.Length)</c>.</summary>
    void CopyClosest(int firstRow, Span<float> destination);
}
