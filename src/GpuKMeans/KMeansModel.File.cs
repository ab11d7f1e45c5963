using System.Text.Json;
using GpuKMeans.Model;

namespace GpuKMeans;

/// <summary>Saving and loading: one JSON document with a format name and version (see <see cref="FormatVersion"/>).</summary>
public sealed partial class KMeansModel
{
    /// <summary>The model-file format version this library writes; it reads this version and older ones.</summary>
    public const int FormatVersion = ModelDocument.CurrentVersion;

    /// <summary>Writes the model to <paramref name="path"/> as JSON (replacing the file).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the model to <paramref name="stream"/> as UTF-8 JSON; the stream stays open.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, ToDocument(), ModelDocument.SerializerOptions);
    }

    /// <summary>Reads a model that <see cref="Save(string)"/> wrote.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not JSON, not a GpuKMeans model, of a newer format version, or
    /// inconsistent; the message names the file and what is wrong.</exception>
    public static KMeansModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads a model from <paramref name="stream"/>; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The content is not a usable model file; the message says why.</exception>
    public static KMeansModel Load(Stream stream, string sourceName = "the model stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelDocument? document;
        try
        {
            using var json = JsonDocument.Parse(stream);
            ModelFileCheck.CheckHeader(json.RootElement, sourceName);
            document = json.RootElement.Deserialize<ModelDocument>(ModelDocument.SerializerOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{sourceName} is not a valid GpuKMeans model file: {e.Message}", e);
        }
        return ModelFileCheck.ToModel(document!, sourceName);
    }

    private ModelDocument ToDocument() => new()
    {
        Format = ModelDocument.FormatName,
        FormatVersion = FormatVersion,
        LibraryVersion = LibraryVersion,
        ClusterCount = ClusterCount,
        Dimensions = Dimensions,
        Centroids = [.. Enumerable.Range(0, ClusterCount).Select(c => Centroids.AsSpan(c * Dimensions, Dimensions).ToArray())],
        FeatureNames = FeatureNames.IsEmpty ? null : [.. FeatureNames],
        Scaling = Scaling is null ? null : new() { Method = Scaling.Method, Offsets = [.. Scaling.Offsets], Scales = [.. Scaling.Scales] },
        Options = Options,
        Training = new()
        {
            Rows = TrainingRowCount,
            Inertia = double.IsNaN(Inertia) ? null : Inertia,
            Iterations = Iterations,
            Converged = Converged,
            Backend = BackendName,
            Device = DeviceName,
        },
    };
}
