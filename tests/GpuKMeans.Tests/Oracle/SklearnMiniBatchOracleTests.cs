using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Oracle;

/// <summary>
/// <see cref="MiniBatchKMeans"/> (cpu backend) against scikit-learn 1.2.1's <c>MiniBatchKMeans</c> (through
/// <see cref="SklearnFixture"/>) and against full Lloyd, on the same float32 blobs with fixed seeds. Both mini-batch
/// implementations draw their own random batches, so only the quality is compared: the median inertia over five seeds,
/// each side with its defaults (batch 1024, three k-means++ initialisations on 3 · 1024 rows, early stopping).
/// </summary>
public sealed class SklearnMiniBatchOracleTests(SklearnFixture sklearn) : IClassFixture<SklearnFixture>
{
    private const int Seeds = 5;

    /// <summary>Relative gap allowed between medians (issue 11: "within 5%").</summary>
    private const double Gap = 0.05;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MedianInertiaOnBlobsIsWithinFivePercentOfScikitLearnAndOfLloyd(bool weighted)
    {
        const int n = 20_000, d = 8, k = 10;
        var random = new Random(201);
        float[] points = TestData.Blobs(n, d, k, 10f, random).Points;
        float[]? weights = weighted ? TestData.Weights(n, random) : null;
        var token = TestContext.Current.CancellationToken;

        var theirs = sklearn.Ask(new
        {
            mode = "minibatch", points = Rows(points, d), weights, k, batch_size = 1024, seeds = Enumerable.Range(0, Seeds),
        });
        double[] sInertia = [.. theirs["inertia"]!.AsArray().Select(v => (double)v!)];

        var ours = new double[Seeds];
        var steps = new int[Seeds];
        for (int s = 0; s < Seeds; s++)
        {
            using var model = new MiniBatchKMeans(new MiniBatchKMeansOptions { ClusterCount = k, Seed = s, Backend = KMeansBackend.Cpu });
            var result = model.Fit(points, d, weights, cancellationToken: token);
            (ours[s], steps[s]) = (result.Inertia, result.IterationStats.Count);
        }
        using var lloyd = new KMeans(new KMeansOptions { ClusterCount = k, InitCount = 3, Seed = 0, Backend = KMeansBackend.Cpu });
        double full = lloyd.Fit(points, d, weights, cancellationToken: token).Inertia;

        double ourMedian = Median(ours), theirMedian = Median(sInertia);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"median inertia: ours {ourMedian:R} (steps {string.Join(' ', steps)}), scikit-learn {theirs["sklearn_version"]} " +
            $"{theirMedian:R} (steps {string.Join(' ', theirs["n_steps"]!.AsArray())}), Lloyd {full:R}");
        Assert.True(Math.Abs(ourMedian - theirMedian) <= Gap * theirMedian,
            $"mini-batch median inertia {ourMedian:R} here vs {theirMedian:R} by scikit-learn");
        Assert.True(Math.Abs(ourMedian - full) <= Gap * full, $"mini-batch median inertia {ourMedian:R} vs Lloyd {full:R}");
    }

    private static float[][] Rows(float[] values, int d) =>
        Enumerable.Range(0, values.Length / d).Select(i => values.AsSpan(i * d, d).ToArray()).ToArray();

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }
}
