namespace GpuKMeans.Backends.Cpu.Pruning;

/// <summary>
/// Yinyang's centroid groups, made to fit the distance kernel: the centroids are reordered so that each run of
/// one vector width (a panel column block) holds centroids close to each other. Recursive halving along the
/// coordinate of widest spread, each left half a whole number of blocks, so only the last block can be partial.
/// Deterministic: ties in the sort fall back to the centroid index.
/// </summary>
internal static class CentroidGrouping
{
    /// <summary>The order: position p of the reordered panel holds original centroid <c>order[p]</c>.</summary>
    public static int[] Order(ReadOnlySpan<float> centroids, int count, int dimensions, int width)
    {
        var order = new int[count];
        for (int c = 0; c < count; c++)
            order[c] = c;
        Split(centroids.ToArray(), dimensions, width, order, 0, count);
        return order;
    }

    private static void Split(float[] centroids, int d, int width, int[] order, int start, int count)
    {
        if (count <= width)
            return;
        int axis = WidestAxis(centroids, d, order, start, count);
        Array.Sort(order, start, count, Comparer<int>.Create((a, b) =>
        {
            int byValue = centroids[a * d + axis].CompareTo(centroids[b * d + axis]);
            return byValue != 0 ? byValue : a.CompareTo(b);
        }));
        int blocks = (count + width - 1) / width;
        int left = (blocks + 1) / 2 * width;
        Split(centroids, d, width, order, start, left);
        Split(centroids, d, width, order, start + left, count - left);
    }

    private static int WidestAxis(float[] centroids, int d, int[] order, int start, int count)
    {
        int best = 0;
        float widest = -1f;
        for (int j = 0; j < d; j++)
        {
            float low = float.PositiveInfinity, high = float.NegativeInfinity;
            for (int i = start; i < start + count; i++)
            {
                float v = centroids[order[i] * d + j];
                low = MathF.Min(low, v);
                high = MathF.Max(high, v);
            }
            if (high - low > widest)
            {
                widest = high - low;
                best = j;
            }
        }
        return best;
    }
}
