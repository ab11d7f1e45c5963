using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace GpuKMeans;

/// <summary>
/// A fitted k-means model: the centroids of the best run and how it was reached. Immutable; pass it to
/// <see cref="KMeans.Predict(KMeansResult, ReadOnlySpan{float})"/> and friends to use it on new points.
/// </summary>
public sealed partial class KMeansResult
{
    internal KMeansResult(
        int clusterCount,
        int dimensions,
        float[] centroids,
        int[] labels,
        double inertia,
        int iterations,
        bool converged,
        int run,
        IReadOnlyList<KMeansIterationStats> iterationStats,
        IReadOnlyList<KMeansIterationSnapshot> history,
        string backendName,
        string deviceName)
    {
        ClusterCount = clusterCount;
        Dimensions = dimensions;
        Centroids = ImmutableCollectionsMarshal.AsImmutableArray(centroids);
        Labels = ImmutableCollectionsMarshal.AsImmutableArray(labels);
        Inertia = inertia;
        Iterations = iterations;
        Converged = converged;
        Run = run;
        IterationStats = iterationStats;
        History = history;
        BackendName = backendName;
        DeviceName = deviceName;
    }

    /// <summary>
    /// A model rebuilt from saved centroids (row-major <c>k × d</c>), for Predict, Transform and Score on new
    /// points. It has no fit behind it: <see cref="Labels"/> and <see cref="IterationStats"/> are empty,
    /// <see cref="Inertia"/> is NaN and <see cref="Iterations"/> is 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The centroids are empty, not a whole number of rows, or not finite.</exception>
    public static KMeansResult FromCentroids(ReadOnlySpan<float> centroids, int dimensions)
    {
        int k = Data.PointData.CheckPoints(centroids, dimensions, nameof(centroids));
        return new KMeansResult(k, dimensions, centroids.ToArray(), [], double.NaN, 0, false, 0, [], [], "", "");
    }

    /// <summary>Number of clusters <c>k</c>.</summary>
    public int ClusterCount { get; }

    /// <summary>Number of features <c>d</c> of every point and centroid.</summary>
    public int Dimensions { get; }

    /// <summary>Row-major <c>k × d</c> centroids (scikit-learn's <c>cluster_centers_</c>).</summary>
    public ImmutableArray<float> Centroids { get; }

    /// <summary>The label of every fitted point, in input order, consistent with <see cref="Centroids"/> (scikit-learn's <c>labels_</c>).</summary>
    public ImmutableArray<int> Labels { get; }

    /// <summary>Weighted sum of squared distances of the fitted points to their centroids (scikit-learn's <c>inertia_</c>).</summary>
    public double Inertia { get; }

    /// <summary>Lloyd iterations of the kept run (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Whether the kept run stopped on its own (labels stable or shift within tolerance) before <see cref="KMeansOptions.MaxIterations"/>.</summary>
    public bool Converged { get; }

    /// <summary>0-based index of the kept run among the <see cref="KMeansOptions.InitCount"/> runs.</summary>
    public int Run { get; }

    /// <summary>Per-iteration statistics of the kept run.</summary>
    public IReadOnlyList<KMeansIterationStats> IterationStats { get; }

    /// <summary>Per-iteration centroids and labels of the kept run; empty unless <see cref="KMeansOptions.RecordHistory"/> was set.</summary>
    public IReadOnlyList<KMeansIterationSnapshot> History { get; }

    /// <summary>The backend that computed this result ("CUDA", "OpenCL", "CPU" or "ILGPU CPU accelerator").</summary>
    public string BackendName { get; }

    /// <summary>The device that computed this result, as the driver names it.</summary>
    public string DeviceName { get; }

    /// <summary>The centroid of cluster <paramref name="cluster"/> as a span of <see cref="Dimensions"/> values.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cluster"/> is not in <c>[0, k)</c>.</exception>
    public ReadOnlySpan<float> GetCentroid(int cluster)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cluster);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cluster, ClusterCount);
        return Centroids.AsSpan(cluster * Dimensions, Dimensions);
    }

    /// <summary>Number of fitted points in each cluster.</summary>
    public int[] GetClusterSizes()
    {
        var sizes = new int[ClusterCount];
        foreach (int label in Labels)
            sizes[label]++;
        return sizes;
    }

    /// <summary>The centroids as a <c>k × d</c> array.</summary>
    public float[,] GetCentroidMatrix()
    {
        var matrix = new float[ClusterCount, Dimensions];
        for (int c = 0; c < ClusterCount; c++)
            for (int j = 0; j < Dimensions; j++)
                matrix[c, j] = Centroids[c * Dimensions + j];
        return matrix;
    }
}
