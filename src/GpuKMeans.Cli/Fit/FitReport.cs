using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Output;
using GpuKMeans.Cli.Scaling;

namespace GpuKMeans.Cli.Fit;

/// <summary>The summary <c>gpukmeans fit</c> prints for people (without <c>--json</c>).</summary>
internal static class FitReport
{
    /// <summary>
    /// Writes the data, device, convergence, inertia and the clusters' sizes and centroids (<paramref name="centroids"/>,
    /// in the original units).
    /// </summary>
    public static void Write(
        TextWriter output, FitSettings settings, PointMatrix data, KMeansOptions options, KMeansResult result,
        FeatureScaler scaler, float[] centroids)
    {
        string header = data.Header is null ? "" : " (header row skipped)";
        string format = data.Format == InputFormat.Csv ? "" : $" ({data.Format.ToString().ToLowerInvariant()})";
        int runs = options.EffectiveInit == KMeansInitMethod.Explicit ? 1 : options.EffectiveInitCount;
        string seed = settings.Seed is { } s ? $"seed {s}" : "random seed";
        var fields = new List<(string, string)>
        {
            ("Input", $"{data.Path}{format}: {data.Rows} points × {data.Columns} dimensions{header}"),
        };
        if (scaler.Method != ScaleMethod.None)
            fields.Add(("Scale", $"{scaler.Name} (centroids below in original units, inertia in scaled units)"));
        fields.AddRange(
        [
            ("Device", $"{result.BackendName}: {result.DeviceName}"),
            ("Clusters", $"k = {result.ClusterCount} (init {settings.Init}, {runs} run{(runs == 1 ? "" : "s")}, {seed})"),
            ("Iterations", NumberText.Integer(result.Iterations)
                + (settings.MiniBatchSize is int batch ? $" (passes: {NumberText.Integer(result.IterationStats.Count)} mini-batch steps of {NumberText.Integer(batch)} rows)" : "")),
            ("Converged", NumberText.YesNo(result.Converged)),
            ("Inertia", NumberText.Long(result.Inertia)),
        ]);
        if (settings.LabelsPath is { } labels)
            fields.Add(("Labels", $"written to {labels}"));
        if (settings.CentroidsPath is { } centroidsPath)
            fields.Add(("Centroids", $"written to {centroidsPath}"));
        TextTable.WriteFields(output, fields);
        output.WriteLine();
        ClusterTable.Write(output, result.GetClusterSizes(), centroids, result.Dimensions, data.Header);
    }
}
