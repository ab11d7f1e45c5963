using Xunit;
namespace GpuKMeans.Tests.Reference;

/// <summary>
/// Lloyd's algorithm in double from given initial centroids, with scikit-learn's rules: stop when labels
/// repeat or Σ shift² ≤ tol; relocate empty clusters to the farthest points; assign once more at the end.
/// </summary>
public static class ReferenceLloyd
{
    /// <param name="MinTieGap">Smallest (second − best) / (‖x‖² + ‖c‖²) met in any assignment: below the label
/// tolerance the data is ambiguous and another correct implementation may take another path.</param>
    public sealed record Result(double[] Centroids, int[] Labels, double Inertia, int Iterations, double[] InertiaPerIteration, double MinTieGap);

    public static Result Run(float[] points, float[]? weights, float[] initialCentroids, int d, int maxIterations, double absoluteTolerance)
    {
        int n = points.Length / d, k = initialCentroids.Length / d;
        ReadOnlySpan<float> w = weights ?? ReadOnlySpan<float>.Empty;
        double[] centroids = ScalarKMeans.ToDouble(initialCentroids);
        int[]? previous = null;
        var inertias = new List<double>();
        double minGap = double.PositiveInfinity;
        int iteration = 0;
        while (iteration < maxIterations)
        {
            iteration++;
            var (labels, best, second) = ScalarKMeans.Assign(points, centroids, d);
            minGap = Math.Min(minGap, TieGap(points, centroids, labels, best, second, d));
            inertias.Add(Inertia(best, w));
            var (sums, totals) = ScalarKMeans.Accumulate(points, w, labels, k, d);
            var next = new double[k * d];
            var relocatedTo = new int[k];
            Array.Fill(relocatedTo, -1);
            var far = Enumerable.Range(0, n).OrderByDescending(i => best[i]).ThenBy(i => i).ToArray();
            int used = 0;
            for (int c = 0; c < k; c++)
            {
                if (totals[c] != 0)
                    continue;
                int p = far[used++];
                double pw = w.IsEmpty ? 1 : w[p];
                for (int j = 0; j < d; j++)
                    sums[labels[p] * d + j] -= pw * points[p * d + j];
                totals[labels[p]] -= pw;
                totals[c] = pw;
                relocatedTo[c] = p;
            }
            for (int c = 0; c < k; c++)
                for (int j = 0; j < d; j++)
                    next[c * d + j] = relocatedTo[c] >= 0 ? points[relocatedTo[c] * d + j]
                        : totals[c] > 0 ? sums[c * d + j] / totals[c]
                        : centroids[c * d + j];
            double shift = 0;
            for (int i = 0; i < next.Length; i++)
                shift += (next[i] - centroids[i]) * (next[i] - centroids[i]);
            centroids = next;
            bool same = previous is not null && previous.AsSpan().SequenceEqual(labels);
            previous = labels;
            if (same || shift <= absoluteTolerance)
                break;
        }
        var final = ScalarKMeans.Assign(points, centroids, d);
        minGap = Math.Min(minGap, TieGap(points, centroids, final.Labels, final.Best, final.SecondBest, d));
        return new Result(centroids, final.Labels, Inertia(final.Best, w), iteration, inertias.ToArray(), minGap);
    }

    private static double TieGap(float[] points, double[] centroids, int[] labels, double[] best, double[] second, int d)
    {
        double gap = double.PositiveInfinity;
        for (int i = 0; i < labels.Length; i++)
        {
            double cNorm = 0;
            for (int j = 0; j < d; j++)
                cNorm += centroids[labels[i] * d + j] * centroids[labels[i] * d + j];
            gap = Math.Min(gap, (second[i] - best[i]) / (ScalarKMeans.SquaredNorm(points, i, d) + cNorm));
        }
        return gap;
    }

    public static double Inertia(double[] best, ReadOnlySpan<float> weights)
    {
        double sum = 0;
        for (int i = 0; i < best.Length; i++)
            sum += (weights.IsEmpty ? 1 : weights[i]) * best[i];
        return sum;
    }

    /// <summary>scikit-learn's tolerance scaling: mean over columns of the population variance, times tol.</summary>
    public static double AbsoluteTolerance(float[] points, int d, double tol)
    {
        int n = points.Length / d;
        double total = 0;
        for (int j = 0; j < d; j++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
                mean += points[i * d + j];
            mean /= n;
            double variance = 0;
            for (int i = 0; i < n; i++)
                variance += (points[i * d + j] - mean) * (points[i * d + j] - mean);
            total += variance / n;
        }
        return total / d * tol;
    }
}
