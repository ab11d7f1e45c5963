namespace GpuKMeans.Data;

/// <summary>Column statistics the solver needs from the host copy of the data.</summary>
internal static class FeatureStatistics
{
    /// <summary>
    /// Mean over columns of each column's (population, unweighted) variance — scikit-learn's
    /// <c>np.mean(np.var(X, axis=0))</c>, which scales <c>tol</c>. Two passes in double.
    /// </summary>
    public static double MeanVariance(ReadOnlySpan<float> points, int dimensions)
    {
        int n = points.Length / dimensions;
        var mean = new double[dimensions];
        for (int i = 0; i < n; i++)
        {
            var row = points.Slice(i * dimensions, dimensions);
            for (int j = 0; j < dimensions; j++)
                mean[j] += row[j];
        }
        for (int j = 0; j < dimensions; j++)
            mean[j] /= n;
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            var row = points.Slice(i * dimensions, dimensions);
            for (int j = 0; j < dimensions; j++)
            {
                double delta = row[j] - mean[j];
                total += delta * delta;
            }
        }
        return total / n / dimensions;
    }
}
