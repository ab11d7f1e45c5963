using System.Collections.Immutable;
using System.Reflection;
using GpuKMeans.Data;
using GpuKMeans.Model;

namespace GpuKMeans;

/// <summary>
/// A fitted k-means model you can keep, ship and apply: the centroids, the feature scaling the fit ran under (if
/// any), the feature names, and where the model came from (options, seed, training shape, inertia, library
/// version, backend and device). <see cref="Predict(ReadOnlySpan{float}, KMeansDevice?)"/>,
/// <see cref="Transform(ReadOnlySpan{float}, KMeansDevice?)"/> and
/// <see cref="Score(ReadOnlySpan{float}, ReadOnlySpan{float}, KMeansDevice?)"/> take points in the original units;
/// <see cref="Save(string)"/> and <see cref="Load(string)"/> keep it as JSON. Immutable and thread-safe. Make one with
/// <see cref="KMeansResult.ToModel"/> or <see cref="FromCentroids"/>.
/// </summary>
public sealed partial class KMeansModel
{
    private readonly KMeansResult _centroidsOnly;

    internal KMeansModel(
        KMeansResult centroids, FeatureScaling? scaling, ImmutableArray<string> featureNames, KMeansOptions? options,
        long trainingRowCount, double inertia, int iterations, bool converged, string libraryVersion, string backendName, string deviceName)
    {
        if (scaling is not null && scaling.Dimensions != centroids.Dimensions)
            throw new ArgumentException(
                $"scaling has {scaling.Dimensions} features but the centroids have {centroids.Dimensions}: they must match.", nameof(scaling));
        if (!featureNames.IsDefaultOrEmpty && featureNames.Length != centroids.Dimensions)
            throw new ArgumentException(
                $"featureNames has {featureNames.Length} names but the centroids have {centroids.Dimensions} features: give one name per feature, or none.",
                nameof(featureNames));
        _centroidsOnly = centroids;
        Scaling = scaling;
        FeatureNames = featureNames.IsDefault ? [] : featureNames;
        Options = options;
        TrainingRowCount = trainingRowCount;
        Inertia = inertia;
        Iterations = iterations;
        Converged = converged;
        LibraryVersion = libraryVersion;
        BackendName = backendName;
        DeviceName = deviceName;
    }

    /// <summary>
    /// A model from row-major <c>k × d</c> <paramref name="centroids"/> alone (no fit behind it: <see cref="Inertia"/> is
    /// NaN, <see cref="TrainingRowCount"/> 0). When <paramref name="scaling"/> is given, the centroids are in its scaled units.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The centroids are empty, ragged or not finite, or the scaling or names do not have <paramref name="dimensions"/> entries.</exception>
    public static KMeansModel FromCentroids(
        ReadOnlySpan<float> centroids, int dimensions, FeatureScaling? scaling = null, IEnumerable<string>? featureNames = null) =>
        new(KMeansResult.FromCentroids(centroids, dimensions), scaling, featureNames is null ? [] : [.. featureNames], null,
            0, double.NaN, 0, false, CurrentLibraryVersion, "", "");

    /// <summary>Number of clusters <c>k</c>.</summary>
    public int ClusterCount => _centroidsOnly.ClusterCount;

    /// <summary>Number of features <c>d</c> of every point and centroid.</summary>
    public int Dimensions => _centroidsOnly.Dimensions;

    /// <summary>Row-major <c>k × d</c> centroids in the units the fit ran in: scaled by <see cref="Scaling"/> when there is one.</summary>
    public ImmutableArray<float> Centroids => _centroidsOnly.Centroids;

    /// <summary>The scaling applied to points before the fit and before every prediction, or null for none.</summary>
    public FeatureScaling? Scaling { get; }

    /// <summary>The name of every feature (a CSV header, an ML.NET column's slot names), or empty when unknown.</summary>
    public ImmutableArray<string> FeatureNames { get; }

    /// <summary>The options of the fit (seed included), or null when unknown.</summary>
    public KMeansOptions? Options { get; }

    /// <summary>Number of rows <c>n</c> the model was fitted on, or 0 when unknown.</summary>
    public long TrainingRowCount { get; }

    /// <summary>Inertia of the fit on its training data, in the units the fit ran in; NaN when unknown.</summary>
    public double Inertia { get; }

    /// <summary>Lloyd iterations of the kept run.</summary>
    public int Iterations { get; }

    /// <summary>Whether the kept run converged before its iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>Version of GpuKMeans that made the model.</summary>
    public string LibraryVersion { get; }

    /// <summary>The backend that fitted the model ("CUDA", "OpenCL", "CPU", …), or empty when unknown.</summary>
    public string BackendName { get; }

    /// <summary>The device that fitted the model, or empty when unknown.</summary>
    public string DeviceName { get; }

    /// <summary>The centroids mapped back to the original units of the data (a copy of <see cref="Centroids"/> without scaling).</summary>
    public float[] GetCentroidsInOriginalUnits() =>
        Scaling is null ? [.. Centroids] : Scaling.Invert(Centroids.AsSpan());

    /// <summary>The centroids as a <see cref="KMeansResult"/>, for <see cref="KMeans.Predict(KMeansResult, ReadOnlySpan{float})"/> on scaled points.</summary>
    public KMeansResult ToResult() => _centroidsOnly;

    /// <summary>k, d, inertia, iterations, scaling, training rows and backend, on one line.</summary>
    public override string ToString() =>
        $"KMeansModel: {ModelText.Describe(ClusterCount, Dimensions, Inertia, Iterations, Converged, BackendName, DeviceName)}, "
        + $"{(Scaling is null ? "no scaling" : $"{Scaling.Method} scaling")}"
        + (TrainingRowCount > 0 ? $", trained on {TrainingRowCount} rows" : "");

    /// <summary>The informational version of this assembly (without a source-revision suffix).</summary>
    internal static string CurrentLibraryVersion { get; } =
        (typeof(KMeansModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(KMeansModel).Assembly.GetName().Version?.ToString() ?? "unknown").Split('+')[0];
}
