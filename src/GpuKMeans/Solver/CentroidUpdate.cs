using GpuKMeans.Backends;

namespace GpuKMeans.Solver;

/// <summary>
/// The M-step on the host: centroids = weighted sums / weights, after moving each empty cluster onto one
/// of the points farthest from their own centroid (scikit-learn's <c>_relocate_empty_clusters</c>).
/// </summary>
internal static class CentroidUpdate
{
    /// <summary>Returns the new centroids and how many clusters were relocated.</summary>
    public static (float[] Centroids, int Relocated) Compute(
        PartialStatistics sums, ReadOnlySpan<float> oldCentroids, IFitWorkspace device, ReadOnlySpan<float> weights)
    {
        int d = device.Dimensions;
        int k = sums.Weights.Length;
        double[] totals = sums.Sums;
        double[] clusterWeights = sums.Weights;
        var centroids = new float[k * d];
        var relocatedTo = new int[k];   // index into farRows, -1 if not relocated
        Array.Fill(relocatedTo, -1);
        float[] farRows = [];

        int emptyCount = 0;
        foreach (double w in clusterWeights)
            if (w == 0)
                emptyCount++;
        if (emptyCount > 0)
        {
            totals = (double[])totals.Clone();
            clusterWeights = (double[])clusterWeights.Clone();
            int[] far = FarthestPoints(device, emptyCount, out int[] labels);
            farRows = new float[far.Length * d];
            device.CopyRows(far, farRows);
            int next = 0;
            for (int c = 0; c < k; c++)
            {
                if (sums.Weights[c] != 0)
                    continue;
                int point = far[next];
                var row = farRows.AsSpan(next * d, d);
                next++;
                int from = labels[point];
                double w = weights.IsEmpty ? 1.0 : weights[point];
                for (int j = 0; j < d; j++)
                {
                    totals[from * d + j] -= w * row[j];
                    totals[c * d + j] = w * row[j];
                }
                clusterWeights[from] -= w;
                clusterWeights[c] = w;
                relocatedTo[c] = next - 1;
            }
        }

        MeansOrPrevious(totals, clusterWeights, oldCentroids, d, centroids);
        for (int c = 0; c < k; c++)
            if (relocatedTo[c] >= 0)
                farRows.AsSpan(relocatedTo[c] * d, d).CopyTo(centroids.AsSpan(c * d, d));   // exactly the far point, whatever its weight
        return (centroids, emptyCount);
    }

    /// <summary>
    /// Each cluster's weighted mean <c>sums / weight</c>, rounded once to float; a cluster of weight 0 keeps its
    /// previous centroid (its only point was taken by a relocation, or it is empty and left to the caller).
    /// </summary>
    public static void MeansOrPrevious(
        ReadOnlySpan<double> sums, ReadOnlySpan<double> weights, ReadOnlySpan<float> oldCentroids, int d, Span<float> centroids)
    {
        for (int c = 0; c < weights.Length; c++)
        {
            var target = centroids.Slice(c * d, d);
            if (weights[c] > 0)
                for (int j = 0; j < d; j++)
                    target[j] = (float)(sums[c * d + j] / weights[c]);
            else
                oldCentroids.Slice(c * d, d).CopyTo(target);
        }
    }

    /// <summary>Σ over clusters of the squared distance each centroid moved (scikit-learn's <c>center_shift_tot</c>).</summary>
    public static double SquaredShift(ReadOnlySpan<float> oldCentroids, ReadOnlySpan<float> newCentroids)
    {
        double total = 0;
        for (int i = 0; i < oldCentroids.Length; i++)
        {
            double delta = (double)newCentroids[i] - oldCentroids[i];
            total += delta * delta;
        }
        return total;
    }

    /// <summary>
    /// The <paramref name="count"/> points farthest from their centroid, farthest first, lower index first on
    /// ties, so relocation is reproducible.
    /// </summary>
    private static int[] FarthestPoints(IFitWorkspace device, int count, out int[] labels)
    {
        int n = device.Count;
        labels = new int[n];
        var distances = new float[n];
        device.CopyLabels(labels);
        device.CopyMinDistances(distances);
        // Min-heap of the best `count` so far, keyed so that the root is the weakest of them.
        var heap = new PriorityQueue<int, (float Distance, int NegIndex)>();
        for (int i = 0; i < n; i++)
        {
            var key = (distances[i], -i);
            if (heap.Count < count)
                heap.Enqueue(i, key);
            else if (heap.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0)
                heap.EnqueueDequeue(i, key);
        }
        var result = new int[heap.Count];
        for (int r = result.Length - 1; r >= 0; r--)
            result[r] = heap.Dequeue();
        return result;
    }
}
