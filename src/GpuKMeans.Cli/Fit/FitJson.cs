using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GpuKMeans.Cli.Fit;

/// <summary>
/// The object <c>gpukmeans fit --json</c> prints: the result and how it was obtained. <see cref="Centroids"/> are
/// in the data's original units; <see cref="Inertia"/> is in the units the fit ran in (scaled when
/// <see cref="Scale"/> is not <c>none</c>). <see cref="Files"/> lists every file the run wrote. <see cref="MiniBatch"/> (rows per step)
/// and <see cref="Steps"/> appear only for a <c>--mini-batch</c> fit, whose <see cref="Iterations"/> are passes over the data.
/// A cluster fit adds <see cref="Workers"/> and <see cref="Devices"/> (shard order).
/// </summary>
internal sealed record FitJson(
    string Input,
    int Points,
    int Dimensions,
    int K,
    string Init,
    int? Seed,
    string Scale,
    string Backend,
    string Device,
    int Iterations,
    bool Converged,
    double Inertia,
    int[] ClusterSizes,
    float[][] Centroids,
    string? LabelsFile,
    string? CentroidsFile,
    string? ModelFile,
    string[] Files,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MiniBatch = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Steps = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Workers = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Devices = null)
{
    /// <summary>The serializer settings of every JSON the tool prints: camelCase, no HTML escaping, one line.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "k-means++", not "k-means\u002B\u002B": stdout is no HTML page
    };

    /// <summary>Collects the fields of a finished fit whose centroids, in original units, are <paramref name="centroids"/>.</summary>
    public static FitJson From(FitSettings settings, int points, KMeansResult result, string scale, float[] centroids) => new(
        settings.Input,
        points,
        result.Dimensions,
        result.ClusterCount,
        settings.Init,
        settings.Seed,
        scale,
        result.BackendName,
        result.DeviceName,
        result.Iterations,
        result.Converged,
        result.Inertia,
        result.GetClusterSizes(),
        Rows(centroids, result.Dimensions),
        settings.LabelsPath,
        settings.CentroidsPath,
        settings.ModelPath,
        FilesWritten(settings),
        settings.MiniBatchSize,
        settings.MiniBatchSize is null ? null : result.IterationStats.Count);

    /// <summary>The files a fit with <paramref name="settings"/> writes, in the order of its options, as the user named them.</summary>
    public static string[] FilesWritten(FitSettings settings) =>
        [.. new[] { settings.LabelsPath, settings.CentroidsPath, settings.ModelPath, settings.PlotPath, settings.PlotIterationsPath, settings.ReportPath }
            .OfType<string>()];

    /// <summary>Row-major values cut into rows of <paramref name="columns"/>.</summary>
    public static float[][] Rows(float[] values, int columns) =>
        [.. Enumerable.Range(0, values.Length / columns).Select(r => values.AsSpan(r * columns, columns).ToArray())];

    /// <summary>Writes this object as JSON on one line.</summary>
    public void WriteTo(TextWriter output) => output.WriteLine(JsonSerializer.Serialize(this, SerializerOptions));
}
