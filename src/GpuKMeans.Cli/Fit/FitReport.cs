using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Output;

namespace GpuKMeans.Cli.Fit;

/// <summary>The summary <c>gpukmeans fit</c> prints for people (without <c>--json</c>).</summary>
internal static class FitReport
{
    /// <summary>Writes the data, device, convergence, inertia and the clusters' sizes and centroids.</summary>
    public static void Write(TextWriter output, FitSettings settings, CsvMatrix data, KMeansOptions options, KMeansResult result)
    {
        string header = data.Header is null ? "" : " (header row skipped)";
        int runs = options.EffectiveInit == KMeansInitMethod.Explicit ? 1 : options.EffectiveInitCount;
        string seed = settings.Seed is { } s ? $"seed {s}" : "random seed";
        var fields = new List<(string, string)>
        {
            ("Input", $"{data.Path}: {data.Rows} points × {data.Columns} dimensions{header}"),
            ("Device", $"{result.BackendName}: {result.DeviceName}"),
            ("Clusters", $"k = {result.ClusterCount} (init {settings.Init}, {runs} run{(runs == 1 ? "" : "s")}, {seed})"),
            ("Iterations", NumberText.Integer(result.Iterations)),
            ("Converged", NumberText.YesNo(result.Converged)),
            ("Inertia", NumberText.Long(result.Inertia)),
        };
        if (settings.LabelsPath is { } labels)
            fields.Add(("Labels", $"written to {labels}"));
        if (settings.CentroidsPath is { } centroids)
            fields.Add(("Centroids", $"written to {centroids}"));
        TextTable.WriteFields(output, fields);
        output.WriteLine();
        ClusterTable.Write(output, result, data.Header);
    }
}
