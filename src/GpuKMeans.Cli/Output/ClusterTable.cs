namespace GpuKMeans.Cli.Output;

/// <summary>The table of a fit's clusters: one row per cluster with its size and centroid coordinates.</summary>
internal static class ClusterTable
{
    /// <summary>
    /// Writes the clusters of <paramref name="result"/>; the coordinate columns take the names in
    /// <paramref name="columnNames"/> when given (a CSV header), or x0, x1, … (<see cref="FeatureNames"/>).
    /// </summary>
    public static void Write(TextWriter output, KMeansResult result, IReadOnlyList<string>? columnNames = null) =>
        Write(output, result.GetClusterSizes(), result.Centroids.AsSpan().ToArray(), result.Dimensions, columnNames);

    /// <summary>
    /// Writes clusters of the given <paramref name="sizes"/> and row-major <paramref name="centroids"/> of
    /// <paramref name="dimensions"/> columns (such as centroids mapped back to the original units).
    /// </summary>
    public static void Write(TextWriter output, int[] sizes, float[] centroids, int dimensions, IReadOnlyList<string>? columnNames = null)
    {
        List<string> header = ["cluster", "size", .. FeatureNames.Of(columnNames, dimensions)];

        var rows = new List<IReadOnlyList<string>>(sizes.Length);
        for (int c = 0; c < sizes.Length; c++)
        {
            var row = new List<string> { NumberText.Integer(c), NumberText.Integer(sizes[c]) };
            for (int j = 0; j < dimensions; j++)
                row.Add(NumberText.Short(centroids[c * dimensions + j]));
            rows.Add(row);
        }
        TextTable.Write(output, header, rows);
    }
}
