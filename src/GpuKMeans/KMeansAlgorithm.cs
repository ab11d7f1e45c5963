namespace GpuKMeans;

/// <summary>
/// How each Lloyd iteration finds the nearest centroids (scikit-learn's <c>algorithm</c>). Every choice gives
/// Lloyd's labels at every iteration — the pruned ones skip only distances that provably cannot change a label
/// (with a rounding margin for the float distances), so iterations, centroids and inertia are the same, except
/// where two centroids are within float rounding of a point (a near-tie, where either label is right).
/// A pruned fit whose bounds would not fit one array (more than <see cref="Array.MaxLength"/> floats) runs Lloyd.
/// </summary>
public enum KMeansAlgorithm
{
    /// <summary>
    /// <see cref="Lloyd"/>, as scikit-learn's default: pruning pays only on clustered data with a large k, which
    /// cannot be known before the fit (measured: <see cref="Yinyang"/> 1.5–1.7× faster, 1.7–1.9× less CPU, on 1M × 32 blobs with k = 256,
    /// 2.7× slower on 200k × 32 uniform points with k = 64; benchmarks/RESULTS.md). Choose a pruned one explicitly.
    /// </summary>
    Auto,

    /// <summary>Every point–centroid distance at every iteration (scikit-learn's <c>"lloyd"</c>).</summary>
    Lloyd,

    /// <summary>
    /// Elkan's triangle-inequality pruning (scikit-learn's <c>"elkan"</c>): one lower bound per point and
    /// centroid (<c>n × k</c> floats, 1 GB at 1M × 256) plus the centroid–centroid distances. CPU backend only;
    /// the GPU backends run <see cref="Lloyd"/>.
    /// </summary>
    Elkan,

    /// <summary>
    /// Yinyang k-means (Ding et al., 2015): centroids in groups of one vector width (16 with AVX-512), grouped by
    /// proximity once per run, and one lower bound per point and group (<c>n × k/16</c> floats). CPU backend
    /// only; the GPU backends run <see cref="Lloyd"/>.
    /// </summary>
    Yinyang,
}
