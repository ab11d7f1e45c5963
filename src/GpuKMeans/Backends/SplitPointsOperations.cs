namespace GpuKMeans.Backends;

/// <summary>
/// What a workspace over points split in parts (shards on several devices, chunks streamed through one) does on the
/// host or on a small upload instead of on the parts: the same arithmetic as a single device's, in the same order.
/// </summary>
internal static class SplitPointsOperations
{
    /// <summary>
    /// Copies one part's <see cref="ISeedingOperations.SeedingPass"/> sums (<paramref name="candidates"/> rows of
    /// <c>part.Length / candidates</c> blocks) into the whole set's (rows of <paramref name="blocks"/> blocks) from
    /// block <paramref name="firstBlock"/>; blocks past the whole set's last (a slot's padding) are dropped.
    /// </summary>
    public static void PlaceBlockSums(ReadOnlySpan<double> part, int candidates, int firstBlock, Span<double> total, int blocks)
    {
        int partBlocks = part.Length / candidates;
        int kept = Math.Min(partBlocks, blocks - firstBlock);
        for (int t = 0; t < candidates; t++)
            part.Slice(t * partBlocks, kept).CopyTo(total.Slice(t * blocks + firstBlock, kept));
    }

    /// <summary>
    /// <see cref="IPairwiseOperations.ComputeClusterDistanceSums"/> for sampled rows gathered from split points:
    /// the sample is uploaded to <paramref name="backend"/> on its own and measured there.
    /// </summary>
    public static void ClusterDistanceSums(
        IKMeansBackend backend, IFitWorkspace points, ReadOnlySpan<int> rows, ReadOnlySpan<int> sampleLabels, int clusterCount, Span<double> sums)
    {
        var sample = new float[rows.Length * points.Dimensions];
        points.CopyRows(rows, sample);
        using var sampleSpace = backend.Upload(sample, points.Dimensions, default).CreateWorkspace(ownsPoints: true);
        var local = new int[rows.Length];
        for (int i = 0; i < local.Length; i++)
            local[i] = i;
        sampleSpace.ComputeClusterDistanceSums(local, sampleLabels, clusterCount, sums);
    }
}
