using System.Text.Encodings.Web;
using System.Text.Json;

namespace GpuKMeans.Cli.Fit;

/// <summary>The object <c>gpukmeans fit --json</c> prints: the result and how it was obtained.</summary>
internal sealed record FitJson(
    string Input,
    int Points,
    int Dimensions,
    int K,
    string Init,
    int? Seed,
    string Backend,
    string Device,
    int Iterations,
    bool Converged,
    double Inertia,
    int[] ClusterSizes,
    float[][] Centroids,
    string? LabelsFile,
    string? CentroidsFile)
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "k-means++", not "k-means\u002B\u002B": stdout is no HTML page
    };

    /// <summary>Collects the fields of a finished fit.</summary>
    public static FitJson From(FitSettings settings, int points, KMeansResult result) => new(
        settings.Input,
        points,
        result.Dimensions,
        result.ClusterCount,
        settings.Init,
        settings.Seed,
        result.BackendName,
        result.DeviceName,
        result.Iterations,
        result.Converged,
        result.Inertia,
        result.GetClusterSizes(),
        [.. Enumerable.Range(0, result.ClusterCount).Select(c => result.GetCentroid(c).ToArray())],
        settings.LabelsPath,
        settings.CentroidsPath);

    /// <summary>Writes this object as JSON on one line.</summary>
    public void WriteTo(TextWriter output) => output.WriteLine(JsonSerializer.Serialize(this, SerializerOptions));
}
