using GpuKMeans.Backends;

namespace GpuKMeans.Metrics;

/// <summary>
/// scikit-learn's sampled silhouette score: a row sample, the per-cluster sums of each sampled row's
/// distances to the other sampled rows (summed on the device, <see cref="IPairwiseOperations.ComputeClusterDistanceSums"/>),
/// and <c>s(i) = (b − a) / max(a, b)</c> averaged on the host.
/// </summary>
internal static class SilhouetteScore
{
    /// <summary>
    /// The mean silhouette of the workspace's points labelled with its current centroids, over a sample of
    /// <paramref name="sampleSize"/> rows drawn with <paramref name="seed"/> (a random seed when null).
    /// </summary>
    /// <exception cref="ArgumentException">The sampled rows have fewer than 2, or more than <c>m − 1</c>, distinct labels.</exception>
    public static double Compute(IFitWorkspace device, int clusterCount, int sampleSize, int? seed)
    {
        device.ResetLabels();
        device.AssignAndReduce();
        var labels = new int[device.Count];
        device.CopyLabels(labels);
        var rows = Sample(device.Count, sampleSize, seed ?? Random.Shared.Next());
        var sampleLabels = new int[rows.Length];
        for (int t = 0; t < rows.Length; t++)
            sampleLabels[t] = labels[rows[t]];
        CountSampleLabels(sampleLabels, clusterCount);
        var sums = new double[(long)rows.Length * clusterCount];
        device.ComputeClusterDistanceSums(rows, sampleLabels, clusterCount, sums);
        return FromSums(sums, sampleLabels, clusterCount);
    }

    /// <summary>
    /// The rows a silhouette of <paramref name="sampleSize"/> rows out of <paramref name="count"/> uses: every row
    /// in order when <c>count ≤ sampleSize</c>, else the first <paramref name="sampleSize"/> positions of a partial
    /// Fisher–Yates shuffle driven by <c>new Random(seed)</c>.
    /// </summary>
    public static int[] Sample(int count, int sampleSize, int seed)
    {
        var rows = new int[count];
        for (int i = 0; i < count; i++)
            rows[i] = i;
        if (count <= sampleSize)
            return rows;
        var random = new Random(seed);
        for (int i = 0; i < sampleSize; i++)
        {
            int j = random.Next(i, count);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
        return rows[..sampleSize];
    }

    /// <summary>
    /// The mean silhouette from the per-cluster distance sums of each sampled row
    /// (<see cref="IPairwiseOperations.ComputeClusterDistanceSums"/>) and the labels of the sampled rows.
    /// </summary>
    public static double FromSums(ReadOnlySpan<double> sums, ReadOnlySpan<int> sampleLabels, int clusterCount)
    {
        int m = sampleLabels.Length;
        var counts = CountSampleLabels(sampleLabels, clusterCount);

        double total = 0;
        for (int t = 0; t < m; t++)
        {
            int own = sampleLabels[t];
            if (counts[own] <= 1)
                continue; // alone in its cluster: s = 0
            var row = sums.Slice(t * clusterCount, clusterCount);
            double a = row[own] / (counts[own] - 1);
            double b = double.PositiveInfinity;
            for (int c = 0; c < clusterCount; c++)
                if (c != own && counts[c] > 0)
                    b = Math.Min(b, row[c] / counts[c]);
            double scale = Math.Max(a, b);
            if (scale > 0)
                total += (b - a) / scale;
        }
        return total / m;
    }

    /// <summary>Rows per label in the sample.</summary>
    /// <exception cref="ArgumentException">Fewer than 2, or more than <c>m − 1</c>, distinct labels.</exception>
    private static int[] CountSampleLabels(ReadOnlySpan<int> sampleLabels, int clusterCount)
    {
        int m = sampleLabels.Length;
        var counts = new int[clusterCount];
        foreach (int label in sampleLabels)
            counts[label]++;
        int distinct = counts.Count(c => c > 0);
        if (distinct < 2 || distinct > m - 1)
            throw new ArgumentException(
                $"The {m} sampled rows have {distinct} distinct labels; the silhouette is defined for 2 to {m - 1} " +
                "(the model needs more clusters, or the sample more rows).", "model");
        return counts;
    }
}
