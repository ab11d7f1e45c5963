using GpuKMeans.Backends;

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
        using var device = UploadFor(model, points, default);
        return SilhouetteOn(device, model, sampleSize, seed);
    }

    /// <summary>
    /// The silhouette score of points already on the device (see <see cref="KMeansDevice.Upload"/>): as
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
        data.Resident.SetCentroids(model.Centroids.AsSpan(), model.ClusterCount);
        return SilhouetteOn(data.Resident, model, sampleSize, seed);
    }

    /// <summary>
    /// The rows a silhouette of <paramref name="sampleSize"/> rows out of <paramref name="count"/> uses: every row
    /// in order when <c>count ≤ sampleSize</c>, else the first <paramref name="sampleSize"/> positions of a partial
    /// Fisher–Yates shuffle driven by <c>new Random(seed)</c>.
    /// </summary>
    internal static int[] SilhouetteSample(int count, int sampleSize, int seed)
    {
        var rows = new int[count];
        for (int i = 0; i < count; i++)
            rows[i] = i;
        if (count <= sampleSize)
            return rows;
        var random = new Random(seed);
        for (int i = 0; i < sampleSize; i++)
        {
            int j = random.Next(i, count);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
        return rows[..sampleSize];
    }

    /// <summary>
    /// The mean silhouette from the per-cluster distance sums of each sampled row
    /// (<see cref="IDevicePoints.ComputeClusterDistanceSums"/>) and the labels of the sampled rows.
    /// </summary>
    internal static double SilhouetteFromSums(ReadOnlySpan<double> sums, ReadOnlySpan<int> sampleLabels, int clusterCount)
    {
        int m = sampleLabels.Length;
        var counts = CountSampleLabels(sampleLabels, clusterCount);

        double total = 0;
        for (int t = 0; t < m; t++)
        {
            int own = sampleLabels[t];
            if (counts[own] <= 1)
                continue; // alone in its cluster: s = 0
            var row = sums.Slice(t * clusterCount, clusterCount);
            double a = row[own] / (counts[own] - 1);
            double b = double.PositiveInfinity;
            for (int c = 0; c < clusterCount; c++)
                if (c != own && counts[c] > 0)
                    b = Math.Min(b, row[c] / counts[c]);
            double scale = Math.Max(a, b);
            if (scale > 0)
                total += (b - a) / scale;
        }
        return total / m;
    }

    /// <summary>Rows per label in the sample.</summary>
    /// <exception cref="ArgumentException">Fewer than 2, or more than <c>m − 1</c>, distinct labels.</exception>
    private static int[] CountSampleLabels(ReadOnlySpan<int> sampleLabels, int clusterCount)
    {
        int m = sampleLabels.Length;
        var counts = new int[clusterCount];
        foreach (int label in sampleLabels)
            counts[label]++;
        int distinct = counts.Count(c => c > 0);
        if (distinct < 2 || distinct > m - 1)
            throw new ArgumentException(
                $"The {m} sampled rows have {distinct} distinct labels; the silhouette is defined for 2 to {m - 1} " +
                "(the model needs more clusters, or the sample more rows).", "model");
        return counts;
    }

    private static double SilhouetteOn(IDevicePoints device, KMeansResult model, int sampleSize, int? seed)
    {
        device.Assign();
        var labels = new int[device.Count];
        device.CopyLabels(labels);
        var rows = SilhouetteSample(device.Count, sampleSize, seed ?? Random.Shared.Next());
        var sampleLabels = new int[rows.Length];
        for (int t = 0; t < rows.Length; t++)
            sampleLabels[t] = labels[rows[t]];
        int k = model.ClusterCount;
        CountSampleLabels(sampleLabels, k);
        var sums = new double[(long)rows.Length * k];
        device.ComputeClusterDistanceSums(rows, k, sums);
        return SilhouetteFromSums(sums, sampleLabels, k);
    }
}
