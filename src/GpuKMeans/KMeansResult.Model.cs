using GpuKMeans.Model;

namespace GpuKMeans;

/// <summary>Turning a fit into a model that predicts, and describing it.</summary>
public sealed partial class KMeansResult
{
    /// <summary>
    /// A <see cref="KMeansModel"/> of this fit, which predicts, transforms and scores by itself and saves as JSON.
    /// Pass the <paramref name="options"/> of the fit to keep them (and the seed) with the model, the
    /// <paramref name="scaling"/> the fitted data had been through (the model then takes points in the original
    /// units), and the <paramref name="featureNames"/> if known.
    /// </summary>
    /// <exception cref="ArgumentException">The scaling or the names do not have <see cref="Dimensions"/> entries.</exception>
    public KMeansModel ToModel(KMeansOptions? options = null, FeatureScaling? scaling = null, IEnumerable<string>? featureNames = null) =>
        new(FromCentroids(Centroids.AsSpan(), Dimensions), scaling, featureNames is null ? [] : [.. featureNames],
            options is null ? null : options with { RecordHistory = false }, Labels.Length, Inertia, Iterations, Converged,
            KMeansModel.CurrentLibraryVersion, BackendName, DeviceName);

    /// <summary>k, d, inertia, iterations and backend on one line, such as "KMeansResult: k=3, d=2, inertia=16, 2 iterations (converged), CPU: …".</summary>
    public override string ToString() =>
        $"KMeansResult: {ModelText.Describe(ClusterCount, Dimensions, Inertia, Iterations, Converged, BackendName, DeviceName)}";
}
