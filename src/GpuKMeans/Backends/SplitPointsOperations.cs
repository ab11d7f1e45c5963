namespace GpuKMeans.Backends;

/// <summary>
/// What a workspace over points split in parts (shards on several devices, chunks streamed through one) does on the
/// host or on a small upload instead of on the parts: the same arithmetic as a single device's, in the same order.
/// </summary>
internal static class SplitPointsOperations
{
    /// <summary>
    /// <c>Σ wᵢ · closestᵢ</c> per block of <paramref name="blockSize"/> rows, in double and index order, as the CPU
    /// backend sums them; <paramref name="weights"/> empty means all 1.
    /// </summary>
    public static void BlockSums(ReadOnlySpan<float> closest, ReadOnlySpan<float> weights, int blockSize, Span<double> blockSums)
    {
        int blocks = Math.Min(PartitionRules.BlockCount(closest.Length, blockSize), blockSums.Length);
        for (int block = 0; block < blocks; block++)
        {
            int first = block * blockSize;
            int end = Math.Min(closest.Length, first + blockSize);
            double sum = 0;
            for (int i = first; i < end; i++)
                sum += (double)(weights.IsEmpty ? 1f : weights[i]) * closest[i];
            blockSums[block] = sum;
        }
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
