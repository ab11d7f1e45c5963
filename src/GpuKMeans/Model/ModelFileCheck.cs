using System.Text.Json;

namespace GpuKMeans.Model;

/// <summary>
/// Checks a model file as it is read: first that it is one of ours and not too new (before binding, so a foreign
/// JSON is named as such), then that its parts agree. Every message names the file and the field.
/// </summary>
internal static class ModelFileCheck
{
    /// <summary>Checks <c>format</c> and <c>formatVersion</c>.</summary>
    /// <exception cref="InvalidDataException">Not a model file, or one of a newer or unknown version.</exception>
    public static void CheckHeader(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("format", out var format)
            || format.ValueKind != JsonValueKind.String
            || format.GetString() != ModelDocument.FormatName)
            throw new InvalidDataException(
                $"{source} is JSON but not a GpuKMeans model: it has no \"format\": \"{ModelDocument.FormatName}\" field. "
                + "Save models with KMeansModel.Save or 'gpukmeans fit --model'.");
        if (!root.TryGetProperty("formatVersion", out var version) || !version.TryGetInt32(out int number) || number < 1)
            throw new InvalidDataException(
                $"{source} has no valid \"formatVersion\" (a positive integer): the file is damaged; save the model again.");
        if (number > ModelDocument.CurrentVersion)
            throw new InvalidDataException(
                $"{source} has formatVersion {number}, but this GpuKMeans ({KMeansModel.CurrentLibraryVersion}) reads formatVersion "
                + $"{ModelDocument.CurrentVersion} and older: upgrade GpuKMeans to load it.");
    }

    /// <summary>The model a bound document describes.</summary>
    /// <exception cref="InvalidDataException">A field is missing or disagrees with another.</exception>
    public static KMeansModel ToModel(ModelDocument document, string source)
    {
        int k = Require(document.ClusterCount, "clusterCount", source);
        int d = Require(document.Dimensions, "dimensions", source);
        var rows = document.Centroids ?? throw Damaged(source, "has no \"centroids\"");
        if (k < 1 || d < 1)
            throw Damaged(source, $"has clusterCount={k} and dimensions={d}; both must be at least 1");
        if (rows.Length != k)
            throw Damaged(source, $"has {rows.Length} centroids but clusterCount={k}");
        var centroids = new float[k * d];
        for (int c = 0; c < k; c++)
        {
            if (rows[c] is not { } row || row.Length != d)
                throw Damaged(source, $"has centroid {c} with {rows[c]?.Length ?? 0} values but dimensions={d}");
            row.CopyTo(centroids, c * d);
        }
        try
        {
            var scaling = document.Scaling is { } s
                ? new FeatureScaling(s.Method ?? "", s.Offsets ?? [], s.Scales ?? [])
                : null;
            var training = document.Training ?? new ModelDocument.TrainingDocument();
            return new KMeansModel(
                KMeansResult.FromCentroids(centroids, d), scaling, [.. document.FeatureNames ?? []], document.Options,
                training.Rows, training.Inertia ?? double.NaN, training.Iterations, training.Converged,
                document.LibraryVersion ?? "unknown", training.Backend ?? "", training.Device ?? "");
        }
        catch (ArgumentException e)
        {
            throw Damaged(source, $"is inconsistent: {e.Message}");
        }
    }

    private static int Require(int? value, string field, string source) =>
        value ?? throw Damaged(source, $"has no \"{field}\"");

    private static InvalidDataException Damaged(string source, string problem) =>
        new($"{source} {problem}: the model file is damaged; save the model again.");
}
