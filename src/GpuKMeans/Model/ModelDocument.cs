using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GpuKMeans.Model;

/// <summary>
/// The JSON of a saved <see cref="KMeansModel"/> (format version 1). Every field is nullable so that a file missing
/// one is reported by name rather than read as a default.
/// </summary>
internal sealed class ModelDocument
{
    /// <summary>The value of <see cref="Format"/> in every model file: what tells a model from any other JSON.</summary>
    public const string FormatName = "gpukmeans-model";

    /// <summary>The format version this library writes and the newest it reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Camel case, enums by name, indented, no HTML escaping ("k-means++" stays readable).</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string? Format { get; set; }

    /// <summary>The version of this layout; a reader refuses newer ones.</summary>
    public int? FormatVersion { get; set; }

    /// <summary>The GpuKMeans version that wrote the file.</summary>
    public string? LibraryVersion { get; set; }

    /// <summary>Number of clusters <c>k</c>.</summary>
    public int? ClusterCount { get; set; }

    /// <summary>Number of features <c>d</c>.</summary>
    public int? Dimensions { get; set; }

    /// <summary><c>k</c> rows of <c>d</c> centroid values, in the units the fit ran in.</summary>
    public float[][]? Centroids { get; set; }

    /// <summary>One name per feature, or null.</summary>
    public string[]? FeatureNames { get; set; }

    /// <summary>The scaling applied before the fit, or null.</summary>
    public ScalingDocument? Scaling { get; set; }

    /// <summary>The fit's options, or null when unknown.</summary>
    public KMeansOptions? Options { get; set; }

    /// <summary>What the fit saw and did.</summary>
    public TrainingDocument? Training { get; set; }

    /// <summary>The <see cref="FeatureScaling"/> of a model file.</summary>
    internal sealed class ScalingDocument
    {
        /// <summary>The method's name.</summary>
        public string? Method { get; set; }

        /// <summary>One offset per feature.</summary>
        public double[]? Offsets { get; set; }

        /// <summary>One scale per feature.</summary>
        public double[]? Scales { get; set; }
    }

    /// <summary>The provenance of a model file's fit.</summary>
    internal sealed class TrainingDocument
    {
        /// <summary>Rows of the training data, 0 when unknown.</summary>
        public long Rows { get; set; }

        /// <summary>Inertia on the training data, or null when unknown.</summary>
        public double? Inertia { get; set; }

        /// <summary>Lloyd iterations of the kept run.</summary>
        public int Iterations { get; set; }

        /// <summary>Whether the kept run converged.</summary>
        public bool Converged { get; set; }

        /// <summary>The backend's name.</summary>
        public string? Backend { get; set; }

        /// <summary>The device's name.</summary>
        public string? Device { get; set; }
    }
}
