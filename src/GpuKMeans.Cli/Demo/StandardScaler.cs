namespace GpuKMeans.Cli.Demo;

/// <summary>
/// Standardisation as scikit-learn's <c>StandardScaler</c> does it: every column minus its mean, divided by its
/// population standard deviation (a constant column is only centred).
/// </summary>
internal static class StandardScaler
{
    /// <summary>Returns standardised copies of row-major points with <paramref name="dimensions"/> columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The length is not a multiple of <paramref name="dimensions"/>.</exception>
    public static float[] Standardize(ReadOnlySpan<float> points, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (points.Length % dimensions != 0)
            throw new ArgumentException($"{points.Length} values do not make rows of {dimensions}.", nameof(points));
        int rows = points.Length / dimensions;
        var mean = new double[dimensions];
        var squares = new double[dimensions];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < dimensions; j++)
                mean[j] += points[i * dimensions + j];
        for (int j = 0; j < dimensions; j++)
            mean[j] /= Math.Max(1, rows);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < dimensions; j++)
            {
                double delta = points[i * dimensions + j] - mean[j];
                squares[j] += delta * delta;
            }

        var scaled = new float[points.Length];
        for (int j = 0; j < dimensions; j++)
        {
            double std = Math.Sqrt(squares[j] / Math.Max(1, rows));
            double scale = std > 0 ? std : 1.0;
            for (int i = 0; i < rows; i++)
                scaled[i * dimensions + j] = (float)((points[i * dimensions + j] - mean[j]) / scale);
        }
        return scaled;
    }
}
