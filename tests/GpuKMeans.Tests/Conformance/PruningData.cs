using GpuKMeans.Tests.Reference;

namespace GpuKMeans.Tests.Conformance;

/// <summary>Data sets for the pruning tests: easy (blobs), unstructured (uniform) and adversarial ones.</summary>
internal static class PruningData
{
    public static (float[] Points, int Dimensions) Make(string name, Random random) => name switch
    {
        "blobs" => (TestData.Blobs(6000, 16, 48, 20f, random).Points, 16),
        "uniform" => (Uniform(5000, 8, random, 0f, 1f), 8),
        // 60 distinct rows, each repeated 50 times: many points at distance exactly 0 from a centroid.
        "duplicates" => (Repeat(Uniform(60, 5, random, 0f, 1f), 5, 50), 5),
        // An integer grid: the centroids (random rows) are grid points too, so many points are exactly halfway.
        "grid ties" => (Grid(48), 2),
        // Tight clusters far from the origin: the expanded form's rounding is larger than some gaps.
        "tight far" => (Offset(TestData.Blobs(4000, 4, 40, 0.05f, random).Points, 1e4f), 4),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    public static float[] Uniform(int n, int d, Random random, float low, float high)
    {
        var values = new float[n * d];
        for (int i = 0; i < values.Length; i++)
            values[i] = low + (high - low) * (float)random.NextDouble();
        return values;
    }

    private static float[] Repeat(float[] rows, int d, int times)
    {
        int distinct = rows.Length / d;
        var values = new float[rows.Length * times];
        for (int i = 0; i < distinct * times; i++)
            rows.AsSpan((i % distinct) * d, d).CopyTo(values.AsSpan(i * d, d));
        return values;
    }

    private static float[] Grid(int side)
    {
        var values = new float[side * side * 2];
        for (int i = 0; i < side * side; i++)
        {
            values[2 * i] = i % side;
            values[2 * i + 1] = i / side;
        }
        return values;
    }

    private static float[] Offset(float[] values, float offset)
    {
        for (int i = 0; i < values.Length; i++)
            values[i] = values[i] * 0.05f + offset;
        return values;
    }
}
