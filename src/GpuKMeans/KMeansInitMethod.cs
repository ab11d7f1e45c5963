namespace GpuKMeans;

/// <summary>How the first centroids of each run are chosen (scikit-learn's <c>init</c>).</summary>
public enum KMeansInitMethod
{
    /// <summary>
    /// Greedy k-means++ (scikit-learn's <c>"k-means++"</c>): each new centroid is the best, by resulting
    /// inertia, of <c>2 + ⌊ln k⌋</c> rows sampled with probability proportional to their weighted squared
    /// distance to the centroids chosen so far.
    /// </summary>
    KMeansPlusPlus,

    /// <summary><c>k</c> distinct rows drawn at random, weighted by sample weight (scikit-learn's <c>"random"</c>).</summary>
    RandomRows,

    /// <summary>The centroids given in <see cref="KMeansOptions.InitialCentroids"/> (scikit-learn's array <c>init</c>).</summary>
    Explicit,
}
