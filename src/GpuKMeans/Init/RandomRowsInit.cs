namespace GpuKMeans.Init;

/// <summary>scikit-learn's <c>init="random"</c>: k distinct rows, drawn with probability proportional to their weight.</summary>
internal static class RandomRowsInit
{
    /// <summary>
    /// Weighted sampling without replacement by Efraimidis–Spirakis keys <c>u^(1/w)</c>: the k largest keys
    /// win. With equal weights this is a uniform draw of k distinct rows; zero-weight rows come last.
    /// </summary>
    public static float[] Choose(ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights, int clusterCount, Random random)
    {
        int n = points.Length / dimensions;
        var keys = new double[n];
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            double u = random.NextDouble();
            keys[i] = w > 0 ? Math.Log(u) / w : double.NegativeInfinity;  // log of u^(1/w), monotone in the key
        }
        var order = new int[n];
        for (int i = 0; i < n; i++)
            order[i] = i;
        // Largest key first; ties by lower index so the draw is reproducible.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        var centroids = new float[clusterCount * dimensions];
        for (int c = 0; c < clusterCount; c++)
            points.Slice(order[c] * dimensions, dimensions).CopyTo(centroids.AsSpan(c * dimensions));
        return centroids;
    }
}
