namespace GpuKMeans.Backends;

/// <summary>
/// What greedy k-means++ asks of a device: each point's squared distance to the closest centre chosen so
/// far, the potential each candidate would leave, and block sums for D² sampling. Centres and candidates
/// are passed as coordinates (the solver gathers them with <see cref="IFitWorkspace.CopyRows"/>), so the
/// same calls serve points split over several devices or streamed in chunks.
/// </summary>
internal interface ISeedingOperations : IPointShape
{
    /// <summary>Sets every point's distance to the chosen centres to +∞.</summary>
    void ResetClosest();

    /// <summary>Replaces every point's closest distance (a streamed chunk's state coming back to the device).</summary>
    /// <param name="closest">One value per point, <see cref="IPointShape.Count"/> in all.</param>
    void SetClosest(ReadOnlySpan<float> closest);

    /// <summary>Lowers every point's closest distance by its squared distance to <paramref name="centre"/> (<c>d</c> values).</summary>
    void UpdateClosest(ReadOnlySpan<float> centre);

    /// <summary>
    /// For each candidate (row-major <c>candidates.Length / d × d</c>), <c>Σ wᵢ · min(closestᵢ, ‖xᵢ − candidate‖²)</c>:
    /// the potential the seeding would have if that candidate were added. Summed per block of
    /// <paramref name="blockSize"/> points, then the blocks in order.
    /// </summary>
    void ComputeCandidatePotentials(ReadOnlySpan<float> candidates, int blockSize, Span<double> potentials);

    /// <summary>
    /// <c>Σ wᵢ · closestᵢ</c> over each block of <paramref name="blockSize"/> consecutive points, in index order
    /// (<c>⌈n / blockSize⌉</c> values). A caller that splits the points on multiples of the block size gets the
    /// same blocks, bit for bit, as over the whole set.
    /// </summary>
    void ComputeClosestBlockSums(int blockSize, Span<double> blockSums);

    /// <summary>Copies the closest distances of points <c>[firstRow, firstRow + destination.Length)</c>.</summary>
    void CopyClosest(int firstRow, Span<float> destination);
}
