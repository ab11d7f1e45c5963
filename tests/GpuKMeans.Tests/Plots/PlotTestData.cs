using GpuKMeans.Cli.Demo;

namespace GpuKMeans.Tests.Plots;

/// <summary>Seed-notebook-000-like data and fits for the plot and report tests.</summary>
internal static class PlotTestData
{
    /// <summary>750 points around (1, 1), (−1, −1), (1, −1), standard deviation 0.4, standardised (seed 0).</summary>
    public static BlobData NotebookBlobs(int count = 750, int seed = 0)
    {
        var blobs = Blobs.Generate(count, Blobs.NotebookCentres, 0.4, seed);
        return blobs with { Points = StandardScaler.Standardize(blobs.Points, blobs.Dimensions) };
    }

    /// <summary>Three blobs in <paramref name="dims"/> dimensions (centres on the first three axes, scaled by 3).</summary>
    public static BlobData HighDimensionalBlobs(int count, int dims, int seed = 1)
    {
        var centres = Enumerable.Range(0, 3).Select(c => Enumerable.Range(0, dims).Select(j => j == c ? 3.0 : 0.0).ToArray()).ToArray();
        return Blobs.Generate(count, centres, 0.5, seed);
    }

    /// <summary>A CPU fit with history, random-row init and seed 0 (several iterations on the notebook blobs).</summary>
    public static KMeansResult FitWithHistory(float[] points, int dims, int k = 3, int seed = 0)
    {
        using var kmeans = new KMeans(new KMeansOptions
        {
            ClusterCount = k,
            RecordHistory = true,
            Seed = seed,
            Backend = KMeansBackend.Cpu,
            Init = KMeansInitMethod.RandomRows,
        });
        return kmeans.Fit(points, dims);
    }

    /// <summary>The mean of the points of every label, row-major <c>k × d</c>.</summary>
    public static float[] Means(float[] points, int dims, int[] labels, int k)
    {
        var sums = new double[k * dims];
        var counts = new int[k];
        for (int i = 0; i < labels.Length; i++)
        {
            counts[labels[i]]++;
            for (int j = 0; j < dims; j++)
                sums[labels[i] * dims + j] += points[i * dims + j];
        }
        return [.. sums.Select((s, index) => (float)(s / Math.Max(1, counts[index / dims])))];
    }
}
