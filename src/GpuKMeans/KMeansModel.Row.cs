namespace GpuKMeans;

/// <summary>One point at a time, on the calling thread: for row-by-row hosts such as an ML.NET pipeline.</summary>
public sealed partial class KMeansModel
{
    /// <summary>
    /// Writes the squared Euclidean distance of one <paramref name="point"/> (original units; <see cref="Scaling"/> is
    /// applied) to every centroid into <paramref name="squaredDistances"/> and returns the nearest centroid's index
    /// (the lowest on ties). Computed directly in double on the calling thread, without a device.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="point"/> does not have <see cref="Dimensions"/> values, or
    /// <paramref name="squaredDistances"/> has fewer than <see cref="ClusterCount"/>.</exception>
    public int ScoreRow(ReadOnlySpan<float> point, Span<float> squaredDistances)
    {
        int d = Dimensions, k = ClusterCount;
        if (point.Length != d)
            throw new ArgumentException($"point has {point.Length} values but the model has {d} features.", nameof(point));
        if (squaredDistances.Length < k)
            throw new ArgumentException(
                $"squaredDistances has room for {squaredDistances.Length} values but the model has {k} centroids.", nameof(squaredDistances));
        Span<double> scaled = d <= 256 ? stackalloc double[d] : new double[d];
        for (int j = 0; j < d; j++)
            scaled[j] = Scaling is null ? point[j] : (float)((point[j] - Scaling.Offsets[j]) / Scaling.Scales[j]);
        var centroids = Centroids.AsSpan();
        int nearest = 0;
        double best = double.PositiveInfinity;
        for (int c = 0; c < k; c++)
        {
            double sum = 0;
            for (int j = 0; j < d; j++)
            {
                double delta = scaled[j] - centroids[c * d + j];
                sum += delta * delta;
            }
            squaredDistances[c] = (float)sum;
            if (sum < best)
                (best, nearest) = (sum, c);
        }
        return nearest;
    }
}
