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

    /// <summary>
    /// k-means‖ (Bahmani et al. 2012, "Scalable k-means++"; Spark MLlib's default): <see cref="KMeansOptions.ParallelInitRounds"/>
    /// passes over the data each choose about <see cref="KMeansOptions.ParallelInitOversampling"/> candidates at once, with
    /// probability proportional to their weighted squared distance to the candidates so far; then greedy k-means++ over
    /// the candidates, each weighted by the points closest to it, chooses the k centroids. A few passes instead of
    /// k-means++'s k, and its draws do not depend on how the rows are split.
    /// </summary>
    KMeansParallel,
}
