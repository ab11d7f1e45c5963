using GpuKMeans.Backends;

namespace GpuKMeans.Init;

/// <summary>scikit-learn's <c>init="random"</c>: k distinct rows, drawn with probability proportional to their weight.</summary>
internal static class RandomRowsInit
{
    /// <summary>
    /// Weighted sampling without replacement by Efraimidis–Spirakis keys <c>u^(1/w)</c>: the k largest keys
    /// win, kept in a size-k heap (O(n log k)). With equal weights this is a uniform draw of k distinct
    /// rows; zero-weight rows are taken only when fewer than k rows have weight.
    /// </summary>
    public static float[] Choose(IFitWorkspace device, ReadOnlySpan<float> weights, int clusterCount, Random random)
    {
        int n = device.Count;
        int dimensions = device.Dimensions;
        // Root = weakest of the k best so far: smallest key, then the larger index (lower index wins ties).
        var best = new PriorityQueue<int, (double Key, int NegIndex)>(clusterCount + 1);
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            double u = random.NextDouble();
            var key = (w > 0 ? Math.Log(u) / w : double.NegativeInfinity, -i);   // log of u^(1/w): same order
            if (best.Count < clusterCount)
                best.Enqueue(i, key);
            else if (best.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0)
                best.EnqueueDequeue(i, key);
        }
        var rows = new int[clusterCount];
        for (int c = clusterCount - 1; c >= 0; c--)
            rows[c] = best.Dequeue();   // largest key first
        var centroids = new float[clusterCount * dimensions];
        device.CopyRows(rows, centroids);
        return centroids;
    }
}
