using Xunit;
namespace GpuKMeans.Tests.Reference;

/// <summary>
/// The obviously-right k-means every backend is checked against: plain nested loops in double, the
/// difference form Σ (xⱼ − cⱼ)², seed notebook 000's algorithm with scikit-learn's stopping rules.
/// </summary>
public static class ScalarKMeans
{
    public static double SquaredDistance(ReadOnlySpan<float> points, int row, ReadOnlySpan<double> centroids, int cluster, int d)
    {
        double sum = 0;
        for (int j = 0; j < d; j++)
        {
            double delta = points[row * d + j] - centroids[cluster * d + j];
            sum += delta * delta;
        }
        return sum;
    }

    public static double SquaredNorm(ReadOnlySpan<float> values, int row, int d)
    {
        double sum = 0;
        for (int j = 0; j < d; j++)
            sum += (double)values[row * d + j] * values[row * d + j];
        return sum;
    }

    /// <summary>n × k squared distances.</summary>
    public static double[] DistanceMatrix(float[] points, float[] centroids, int d)
    {
        int n = points.Length / d, k = centroids.Length / d;
        var c = ToDouble(centroids);
        var result = new double[n * k];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++)
                result[i * k + t] = SquaredDistance(points, i, c, t, d);
        return result;
    }

    /// <summary>Nearest centroid (first on ties), its distance and the second-best distance of every point.</summary>
    public static (int[] Labels, double[] Best, double[] SecondBest) Assign(ReadOnlySpan<float> points, ReadOnlySpan<double> centroids, int d)
    {
        int n = points.Length / d, k = centroids.Length / d;
        var labels = new int[n];
        var best = new double[n];
        var second = new double[n];
        for (int i = 0; i < n; i++)
        {
            double b = double.PositiveInfinity, s = double.PositiveInfinity;
            int label = 0;
            for (int t = 0; t < k; t++)
            {
                double dist = SquaredDistance(points, i, centroids, t, d);
                if (dist < b)
                {
                    s = b;
                    b = dist;
                    label = t;
                }
                else if (dist < s)
                    s = dist;
            }
            labels[i] = label;
            best[i] = b;
            second[i] = s;
        }
        return (labels, best, second);
    }

    /// <summary>Per-cluster weighted sums (k × d) and weights of labelled points.</summary>
    public static (double[] Sums, double[] Weights) Accumulate(ReadOnlySpan<float> points, ReadOnlySpan<float> weights, int[] labels, int k, int d)
    {
        var sums = new double[k * d];
        var totals = new double[k];
        for (int i = 0; i < labels.Length; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            totals[labels[i]] += w;
            for (int j = 0; j < d; j++)
                sums[labels[i] * d + j] += w * points[i * d + j];
        }
        return (sums, totals);
    }

    public static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = values[i];
        return result;
    }
}
