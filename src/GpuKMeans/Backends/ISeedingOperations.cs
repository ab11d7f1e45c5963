namespace GpuKMeans.Backends;

/// <summary>
/// What greedy k-means++ asks of a device, one pass over the points per chosen centre: each point's squared
/// distance to the closest centre chosen so far, and, in the same pass, the weighted potential each candidate
/// would leave, summed per block for D² sampling. Centres and candidates are passed as coordinates (the solver
/// gathers them with <see cref="IFitWorkspace.CopyRows"/>), so the same calls serve points split over several
/// devices or streamed in chunks.
/// </summary>
/// <remarks>
/// The centre chosen last is applied lazily: the next <see cref="SeedingPass"/> lowers the closest distances by it
/// while it reads the points for the new candidates. Sampling between the two touches only the few drawn blocks,
/// which <see cref="UpdateClosest"/> brings up to date first; taking the minimum twice changes nothing.
/// </remarks>
internal interface ISeedingOperations : IPointShape
{
    /// <summary>Sets every point's distance to the chosen centres to +∞.</summary>
    void ResetClosest();

    /// <summary>Replaces every point's closest distance (a streamed chunk's state coming back to the device).</summary>
    /// <param name="closest">One value per point, <see cref="IPointShape.Count"/> in all.</param>
    void SetClosest(ReadOnlySpan<float> closest);

    /// <summary>
    /// Lowers the closest distance of points <c>[firstRow, firstRow + rowCount)</c> by their squared distance to
    /// <paramref name="centre"/> (<c>d</c> values), computed exactly as <see cref="SeedingPass"/> computes it.
    /// </summary>
    void UpdateClosest(ReadOnlySpan<float> centre, int firstRow, int rowCount);

    /// <summary>
    /// One pass over the points. First, when <paramref name="pending"/> holds a centre (<c>d</c> values; empty for
    /// none), every closest distance is lowered by the squared distance to it. Then, for each candidate t
    /// (row-major <c>candidates.Length / d × d</c>) and each block b of <paramref name="blockSize"/> consecutive
    /// points, <c>candidateBlockSums[t · blocks + b] = Σ_{i∈b} wᵢ · min(closestᵢ, ‖xᵢ − candidateₜ‖²)</c>, added in
    /// index order in double (<c>blocks = ⌈n / blockSize⌉</c>). A candidate's row is therefore the block sums the
    /// closest distances will have once it is chosen, and a caller that splits the points on multiples of the
    /// block size gets the same blocks, bit for bit, as over the whole set.
    /// </summary>
    void SeedingPass(ReadOnlySpan<float> pending, ReadOnlySpan<float> candidates, int blockSize, Span<double> candidateBlockSums);

    /// <summary>Copies the closest distances of points <c>[firstRow, firstRow + destination.Length)</c>.</summary>
    void CopyClosest(int firstRow, Span<float> destination);
}

/// <summary>Shorthands over <see cref="ISeedingOperations"/>.</summary>
internal static class SeedingOperations
{
    /// <summary>Lowers every point's closest distance by its squared distance to <paramref name="centre"/>.</summary>
    public static void UpdateClosest(this ISeedingOperations device, ReadOnlySpan<float> centre) =>
        device.UpdateClosest(centre, 0, device.Count);

    /// <summary>Checks a row range of <paramref name="count"/> points.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie within the points.</exception>
    public static void CheckRange(int firstRow, int rowCount, int count)
    {
        if (firstRow < 0 || rowCount < 0 || firstRow > count - rowCount)
            throw new ArgumentOutOfRangeException(nameof(firstRow), firstRow, $"Rows [{firstRow}, {(long)firstRow + rowCount}) are not within the {count} points.");
    }

    /// <summary>
    /// Checks the arguments of <see cref="ISeedingOperations.SeedingPass"/> and returns the number of candidates and
    /// of blocks.
    /// </summary>
    /// <exception cref="ArgumentException">A centre is not one row, the candidates not whole rows, or the sums too short.</exception>
    public static (int Candidates, int Blocks) CheckPass(
        ReadOnlySpan<float> pending, ReadOnlySpan<float> candidates, int blockSize, int candidateBlockSums, int count, int dimensions)
    {
        if (!pending.IsEmpty && pending.Length != dimensions)
            throw new ArgumentException($"The pending centre has {pending.Length} values, not {dimensions}.", nameof(pending));
        int rows = PartitionRules.CheckRows(candidates.Length, dimensions, nameof(candidates));
        int blocks = PartitionRules.BlockCount(count, blockSize);
        if (candidateBlockSums < (long)rows * blocks)
            throw new ArgumentException(
                $"The candidate block sums have {candidateBlockSums} cells, not {rows} candidates × {blocks} blocks.", nameof(candidateBlockSums));
        return (rows, blocks);
    }
}
