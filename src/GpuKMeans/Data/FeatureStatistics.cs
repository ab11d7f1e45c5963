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
        var variance = new MeanVarianceSums(dimensions);
        variance.AddToMean(points);
        variance.FinishMean();
        variance.AddToSpread(points);
        return variance.Result;
    }

    /// <summary>The same statistic over a source read chunk by chunk (same order of sums, same bits).</summary>
    public static double MeanVariance(IPointSource source)
    {
        var variance = new MeanVarianceSums(source.Dimensions);
        PointChunks.ForEach(source, (_, rows) => variance.AddToMean(rows));
        variance.FinishMean();
        PointChunks.ForEach(source, (_, rows) => variance.AddToSpread(rows));
        return variance.Result;
    }

    private sealed class MeanVarianceSums(int dimensions)
    {
        private readonly double[] _mean = new double[dimensions];
        private long _count;
        private double _total;

        public double Result => _total / _count / dimensions;

        public void AddToMean(ReadOnlySpan<float> points)
        {
            int n = points.Length / dimensions;
            _count += n;
            for (int i = 0; i < n; i++)
            {
                var row = points.Slice(i * dimensions, dimensions);
                for (int j = 0; j < dimensions; j++)
                    _mean[j] += row[j];
            }
        }

        public void FinishMean()
        {
            for (int j = 0; j < dimensions; j++)
                _mean[j] /= _count;
        }

        public void AddToSpread(ReadOnlySpan<float> points)
        {
            int n = points.Length / dimensions;
            for (int i = 0; i < n; i++)
            {
                var row = points.Slice(i * dimensions, dimensions);
                for (int j = 0; j < dimensions; j++)
                {
                    double delta = row[j] - _mean[j];
                    _total += delta * delta;
                }
            }
        }
    }
}
