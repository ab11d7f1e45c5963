using Microsoft.ML;

namespace GpuKMeans.ML;

/// <summary><c>mlContext.Clustering.Trainers.GpuKMeans(...)</c>, beside ML.NET's own <c>KMeans</c>.</summary>
public static class GpuKMeansCatalog
{
    /// <summary>
    /// k-means on the GPU (or the CPU) with scikit-learn's semantics: clusters <paramref name="featureColumnName"/> into
    /// <paramref name="numberOfClusters"/> clusters and writes <c>PredictedLabel</c> and <c>Score</c> as ML.NET's KMeans does.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    public static GpuKMeansEstimator GpuKMeans(
        this ClusteringCatalog.ClusteringTrainers catalog, string featureColumnName = "Features", int numberOfClusters = 5)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new GpuKMeansEstimator(new KMeansOptions { ClusterCount = numberOfClusters }, featureColumnName);
    }

    /// <summary>k-means with every option of <see cref="KMeansOptions"/> (seed, backend, restarts, …).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static GpuKMeansEstimator GpuKMeans(
        this ClusteringCatalog.ClusteringTrainers catalog, KMeansOptions options, string featureColumnName = "Features")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new GpuKMeansEstimator(options, featureColumnName);
    }
}
