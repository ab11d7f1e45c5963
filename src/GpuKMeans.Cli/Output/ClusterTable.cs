namespace GpuKMeans.Cli.Output;

/// <summary>The table of a fit's clusters: one row per cluster with its size and centroid coordinates.</summary>
internal static class ClusterTable
{
    /// <summary>
    /// Writes the clusters of <paramref name="result"/>; the coordinate columns take the names in
    /// <paramref name="columnNames"/> when given (a CSV header), or x1, x2, ….
    /// </summary>
    public static void Write(TextWriter output, KMeansResult result, IReadOnlyList<string>? columnNames = null)
    {
        int d = result.Dimensions;
        var header = new List<string> { "cluster", "size" };
        for (int j = 0; j < d; j++)
            header.Add(columnNames is { } names && j < names.Count && names[j].Trim().Length > 0 ? names[j].Trim() : $"x{j + 1}");

        int[] sizes = result.GetClusterSizes();
        var rows = new List<IReadOnlyList<string>>(result.ClusterCount);
        for (int c = 0; c < result.ClusterCount; c++)
        {
            var row = new List<string> { NumberText.Integer(c), NumberText.Integer(sizes[c]) };
            foreach (float value in result.GetCentroid(c))
                row.Add(NumberText.Short(value));
            rows.Add(row);
        }
        TextTable.Write(output, header, rows);
    }
}
