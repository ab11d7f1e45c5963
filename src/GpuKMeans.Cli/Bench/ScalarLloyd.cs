using System.Diagnostics;

namespace GpuKMeans.Cli.Bench;

/// <summary>
/// The baseline of <c>bench</c>: seed notebook 000's Lloyd iteration as plain nested loops on one core, the way a
/// first implementation is written. Not used for results, only timed.
/// </summary>
internal static class ScalarLloyd
{
    /// <summary>Runs <paramref name="iterations"/> iterations from <paramref name="centroids"/> and returns each one's time.</summary>
    public static List<TimeSpan> Time(float[] points, int d, float[] centroids, int iterations)
    {
        int n = points.Length / d, k = centroids.Length / d;
        var current = (float[])centroids.Clone();
        var labels = new int[n];
        var sums = new double[k * d];
        var counts = new double[k];
        var times = new List<TimeSpan>();
        for (int it = 0; it < iterations; it++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < n; i++)
            {
                double best = double.PositiveInfinity;
                for (int c = 0; c < k; c++)
                {
                    double distance = 0;
                    for (int j = 0; j < d; j++)
                    {
                        double delta = points[i * d + j] - current[c * d + j];
                        distance += delta * delta;
                    }
                    if (distance < best)
                        (best, labels[i]) = (distance, c);
                }
            }
            Array.Clear(sums);
            Array.Clear(counts);
            for (int i = 0; i < n; i++)
            {
                counts[labels[i]]++;
                for (int j = 0; j < d; j++)
                    sums[labels[i] * d + j] += points[i * d + j];
            }
            for (int c = 0; c < k; c++)
                if (counts[c] > 0)
                    for (int j = 0; j < d; j++)
                        current[c * d + j] = (float)(sums[c * d + j] / counts[c]);
            times.Add(Stopwatch.GetElapsedTime(start));
        }
        return times;
    }
}
