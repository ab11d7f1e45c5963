using GpuKMeans.Metrics;

namespace GpuKMeans;

/// <summary>The silhouette score of a fitted model, computed on the device.</summary>
public sealed partial class KMeans
{
    /// <summary>
    /// The mean silhouette coefficient of <paramref name="points"/> labelled with the model's nearest centroids,
    /// as scikit-learn's <c>silhouette_score(X, labels, sample_size=sampleSize, random_state=seed)</c>: a random
    /// sample of <paramref name="sampleSize"/> distinct rows (every row when there are no more), and for each
    /// sampled row <c>i</c>, <c>s(i) = (b − a) / max(a, b)</c> where <c>a</c> is its mean Euclidean distance to the
    /// other sampled rows of its cluster and <c>b</c> the lowest mean distance to the sampled rows of another
    /// cluster; <c>s(i) = 0</c> for a row alone in its cluster. In [−1, 1]; higher is better. The pairwise
    /// distances (m² of them for a sample of m rows) are summed on the device; the points are uploaded for
    /// this call.
    /// </summary>
    /// <param name="model">A result of <c>Fit</c> (or <see cref="KMeansResult.FromCentroids"/>).</param>
    /// <param name="points">Row-major values, <see cref="KMeansResult.Dimensions"/> per row.</param>
    /// <param name="sampleSize">Rows the score is computed on, at least 2; the cost grows with its square.</param>
    /// <param name="seed">Seed of the row sample, or <c>null</c> for a random one (only used when there are more rows than <paramref name="sampleSize"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleSize"/> is less than 2.</exception>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty, not a whole number of rows of the model's width,
    /// or not finite; or the sampled rows have fewer than 2, or more than <c>m − 1</c>, distinct labels (the silhouette is undefined).</exception>
    public double Silhouette(KMeansResult model, ReadOnlySpan<float> points, int sampleSize = 10_000, int? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 2);
        // The score is invariant under translation and scaling, so the conditioned space gives it unchanged.
        using var workspace = UploadFor(model, points, default, out _);
        return SilhouetteScore.Compute(workspace, model.ClusterCount, sampleSize, seed);
    }

    /// <summary>
    /// The silhouette score of points already on the device (see <see cref="KMeansDevice.Upload(ReadOnlyMemory{float}, int, ReadOnlyMemory{float}, long?)"/>): as
    /// <see cref="Silhouette(KMeansResult, ReadOnlySpan{float}, int, int?)"/>, without copying the data again.
    /// Sample weights of the dataset are ignored, as in scikit-learn.
    /// </summary>
    /// <param name="model">A result of <c>Fit</c> (or <see cref="KMeansResult.FromCentroids"/>).</param>
    /// <param name="data">The uploaded points, <see cref="KMeansResult.Dimensions"/> per row.</param>
    /// <param name="sampleSize">Rows the score is computed on, at least 2; the cost grows with its square.</param>
    /// <param name="seed">Seed of the row sample, or <c>null</c> for a random one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleSize"/> is less than 2.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> lives on another device or has another width than the model;
    /// or the sampled rows have fewer than 2, or more than <c>m − 1</c>, distinct labels.</exception>
    public double Silhouette(KMeansResult model, KMeansDataset data, int sampleSize = 10_000, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 2);
        Device.ThrowIfDisposed();
        if (!ReferenceEquals(data.Device, Device))
            throw new ArgumentException("data was uploaded to another device than this estimator's.", nameof(data));
        if (data.Dimensions != model.Dimensions)
            throw new ArgumentException(
                $"data has {data.Dimensions} columns but the model was fitted on {model.Dimensions}.", nameof(data));
        var input = data.Input;
        using var workspace = input.Resident.CreateWorkspace();
        workspace.SetCentroids(input.Conditioning.Apply(model.Centroids.AsSpan(), model.Dimensions), model.ClusterCount);
        return SilhouetteScore.Compute(workspace, model.ClusterCount, sampleSize, seed);
    }
}
