using Xunit;
using GpuKMeans.Tests.Reference;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// <see cref="KMeans.Silhouette(KMeansResult, ReadOnlySpan{float}, int, int?)"/> (the device's per-cluster distance
/// sums plus the host's finish) against scikit-learn's definition, written out in double.
/// </summary>
public abstract class SilhouetteConformance<TFixture>(TFixture fixture) where TFixture : BackendFixture
{
    /// <summary>Absolute tolerance: float distances (expanded form) against double ones (difference form), averaged.</summary>
    private const double Tolerance = 1e-4;

    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int n in new[] { 50, 777 })
            foreach (int d in new[] { 1, 3, 33 })
                foreach (int k in new[] { 2, 5 })
                    data.Add(n, d, k);
        return data;
    }

    private KMeans Estimator(int k = 2) => new(new KMeansOptions { ClusterCount = k }, fixture.Require());

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SilhouetteMatchesReference(int n, int d, int k)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var (points, _) = TestData.Blobs(n, d, k, spread: 4f, random);
        // The first k rows come from k different blobs (row i is in blob i mod k): distinct centroids, every label used.
        var model = KMeansResult.FromCentroids(points.AsSpan(0, k * d), d);
        using var kmeans = Estimator(k);
        var labels = kmeans.Predict(model, points);
        int sampleSeed = random.Next();

        double all = kmeans.Silhouette(model, points, sampleSize: n + 3, seed: sampleSeed);
        double wantAll = ReferenceSilhouette(points, d, labels, [.. Enumerable.Range(0, n)]);
        Assert.True(Math.Abs(all - wantAll) <= Tolerance, $"all rows: {all} vs {wantAll} (n={n} d={d} k={k}, seed {seed})");

        double sampled = kmeans.Silhouette(model, points, sampleSize: 100, seed: sampleSeed);
        var rows = GpuKMeans.Metrics.SilhouetteScore.Sample(n, 100, sampleSeed);
        Assert.Equal(Math.Min(n, 100), rows.Length);
        Assert.Equal(rows.Length, rows.Distinct().Count());
        double wantSampled = ReferenceSilhouette(points, d, labels, rows);
        Assert.True(Math.Abs(sampled - wantSampled) <= Tolerance,
            $"100 sampled rows: {sampled} vs {wantSampled} (n={n} d={d} k={k}, seed {seed})");
        Assert.InRange(sampled, -1.0, 1.0);

        // Deterministic: the same seed gives the same bits.
        Assert.Equal(sampled, kmeans.Silhouette(model, points, sampleSize: 100, seed: sampleSeed));
    }

    [Fact]
    public void UploadedDatasetGivesTheSameScore()
    {
        int seed = TestData.NewSeed();
        var (points, _) = TestData.Blobs(400, 4, 3, spread: 5f, new Random(seed));
        var model = KMeansResult.FromCentroids(points.AsSpan(0, 3 * 4), 4);
        using var kmeans = Estimator(3);
        using var dataset = kmeans.Device.Upload(points, 4);

        Assert.Equal(kmeans.Silhouette(model, points, 150, seed: 9), kmeans.Silhouette(model, dataset, 150, seed: 9));
    }

    [Fact]
    public void WellSeparatedBlobsScoreHigh()
    {
        int seed = TestData.NewSeed();
        const int n = 600, d = 3, k = 4;
        var (points, truth) = TestData.Blobs(n, d, k, spread: 100f, new Random(seed));
        var centres = new float[k * d];
        var counts = new int[k];
        for (int i = 0; i < n; i++)
        {
            counts[truth[i]]++;
            for (int j = 0; j < d; j++)
                centres[truth[i] * d + j] += points[i * d + j];
        }
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++)
                centres[c * d + j] /= counts[c];
        using var kmeans = Estimator(k);

        double score = kmeans.Silhouette(KMeansResult.FromCentroids(centres, d), points, sampleSize: 300, seed: 1);

        Assert.True(score > 0.7, $"silhouette {score} of well-separated blobs (seed {seed})");
        Assert.True(score <= 1.0);
    }

    [Fact]
    public void SingleLabelSampleThrows()
    {
        var points = TestData.Gaussian(60 * 2, new Random(TestData.NewSeed()));
        var model = KMeansResult.FromCentroids([0f, 0f, 1e6f, 1e6f], 2); // every point is nearest the first centroid
        using var kmeans = Estimator();

        Assert.Throws<ArgumentException>(() => kmeans.Silhouette(model, points));
        Assert.Throws<ArgumentException>(() => kmeans.Silhouette(model, points, sampleSize: 10, seed: 3));
        var tooSmall = Assert.Throws<ArgumentOutOfRangeException>(() => kmeans.Silhouette(model, points, sampleSize: 1));
        Assert.Equal("sampleSize", tooSmall.ParamName);
        Assert.Throws<ArgumentNullException>(() => kmeans.Silhouette(null!, points));
    }

    /// <summary>
    /// scikit-learn's silhouette over <paramref name="rows"/> only, from the definition: plain loops in double and
    /// the difference form √Σ(x − y)².
    /// </summary>
    private static double ReferenceSilhouette(float[] points, int d, int[] labels, int[] rows)
    {
        int m = rows.Length;
        var members = rows.GroupBy(r => labels[r]).ToDictionary(g => g.Key, g => g.ToArray());
        double total = 0;
        foreach (int i in rows)
        {
            int own = labels[i];
            if (members[own].Length == 1)
                continue; // s = 0
            double a = members[own].Where(j => j != i).Average(j => Distance(points, d, i, j));
            double b = members.Where(p => p.Key != own).Min(p => p.Value.Average(j => Distance(points, d, i, j)));
            double scale = Math.Max(a, b);
            total += scale > 0 ? (b - a) / scale : 0;
        }
        return total / m;
    }

    private static double Distance(float[] points, int d, int i, int j)
    {
        double sum = 0;
        for (int c = 0; c < d; c++)
        {
            double delta = (double)points[i * d + c] - points[j * d + c];
            sum += delta * delta;
        }
        return Math.Sqrt(sum);
    }
}

public sealed class CpuAcceleratorSilhouetteConformance(CpuAcceleratorFixture fixture)
    : SilhouetteConformance<CpuAcceleratorFixture>(fixture), IClassFixture<CpuAcceleratorFixture>;

public sealed class CpuSimdSilhouetteConformance(CpuSimdFixture fixture)
    : SilhouetteConformance<CpuSimdFixture>(fixture), IClassFixture<CpuSimdFixture>;

public sealed class CudaSilhouetteConformance(CudaFixture fixture)
    : SilhouetteConformance<CudaFixture>(fixture), IClassFixture<CudaFixture>;

public sealed class OpenCLSilhouetteConformance(OpenCLFixture fixture)
    : SilhouetteConformance<OpenCLFixture>(fixture), IClassFixture<OpenCLFixture>;
