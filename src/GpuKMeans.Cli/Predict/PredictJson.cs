using System.Text.Json;
using GpuKMeans.Cli.Fit;

namespace GpuKMeans.Cli.Predict;

/// <summary>The object <c>gpukmeans predict --json</c> prints.</summary>
/// <param name="Input">The file of points.</param>
/// <param name="CentroidsFile">The file of centroids, or <c>null</c> when a model file was given.</param>
/// <param name="Points">Number of points labelled.</param>
/// <param name="Dimensions">Values per point.</param>
/// <param name="K">Number of centroids.</param>
/// <param name="Backend">The backend that computed the labels.</param>
/// <param name="Device">The device that computed the labels.</param>
/// <param name="Inertia">Sum of squared distances of the points to their nearest centroid.</param>
/// <param name="ClusterSizes">Points per centroid.</param>
/// <param name="LabelsFile">Where the labels were written, or <c>null</c>.</param>
/// <param name="ModelFile">The model file, or <c>null</c> when centroids were given.</param>
/// <param name="Labels">The label of every point when no <see cref="LabelsFile"/> was asked for, else <c>null</c>.</param>
internal sealed record PredictJson(
    string Input, string? CentroidsFile, int Points, int Dimensions, int K, string Backend, string Device,
    double Inertia, int[] ClusterSizes, string? LabelsFile, int[]? Labels, string? ModelFile = null)
{
    /// <summary>Writes this object as JSON on one line.</summary>
    public void WriteTo(TextWriter output) => output.WriteLine(JsonSerializer.Serialize(this, FitJson.SerializerOptions));
}
