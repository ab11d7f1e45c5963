using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Api;

/// <summary>
/// Finite data at any offset and magnitude float32 can hold: labels are the nearest returned centroid (away from
/// near-ties), the inertia equals a double recomputation with the returned centroids, and nothing is NaN or ∞.
/// These are the cases of the numerics issue that went wrong before points were conditioned on upload.
/// </summary>
public sealed class NumericsTests
{
    public static TheoryData<string, double, double, double, string> Cases() => new()
    {
        // name, offset, scale (noise), half the distance between the two clusters in units of the noise, backend
        { "offset 1e6, unit noise", 1e6, 1, 4, "cpu" },
        { "offset 1e6, unit noise", 1e6, 1, 4, "ilgpu-cpu" },
        { "offset -3e5 on one axis", -3e5, 1, 4, "cpu" },
        { "magnitude 1e30", 0, 1e30, 4, "cpu" },
        { "magnitude 1e30", 0, 1e30, 4, "ilgpu-cpu" },
        { "magnitude 1e-30", 0, 1e-30, 4, "cpu" },
        { "subnormal 1e-40", 0, 1e-40, 4, "cpu" },
        { "near float.MaxValue", 0, 1e37, 4, "cpu" },
        { "offset 1e20 with spread 1e16", 1e20, 1e16, 4, "cpu" },
        // Clusters at ±1000 with noise 1e-3: the expanded form's inertia is noise here; the reported one is exact.
        { "tight clusters ±1000, noise 1e-3", 0, 1e-3, 1e6, "cpu" },
        { "tight clusters ±1000, noise 1e-3", 0, 1e-3, 1e6, "ilgpu-cpu" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LabelsAreNearestAndInertiaMatchesADoubleRecomputation(string name, double offset, double scale, double separation, string backend)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        const int n = 2000, d = 2;
        var points = new float[n * d];
        for (int i = 0; i < n; i++)
        {
            double split = i % 2 == 0 ? -separation : separation;   // two clusters, well apart relative to the noise
            points[i * d] = (float)(offset + scale * (split + TestData.Normal(random)));
            points[i * d + 1] = (float)(scale * TestData.Normal(random) + (name.Contains("one axis") ? 0 : offset));
        }
        using var kmeans = new KMeans(new KMeansOptions
        {
            ClusterCount = 2, Seed = 0, Backend = backend == "cpu" ? KMeansBackend.Cpu : KMeansBackend.IlgpuCpu,
        });
        var result = kmeans.Fit(points, d, cancellationToken: TestContext.Current.CancellationToken);
        string what = $"{name} on {backend} (seed {seed})";

        Assert.All(result.Centroids, c => Assert.True(float.IsFinite(c), $"{what}: centroid {c}"));
        Assert.True(double.IsFinite(result.Inertia) && result.Inertia > 0, $"{what}: inertia {result.Inertia}");
        var centroids = ScalarKMeans.ToDouble(result.Centroids.AsSpan());
        var (nearest, best, second) = ScalarKMeans.Assign(points, centroids, d);
        double exact = best.Sum();
        Assert.True(Math.Abs(result.Inertia - exact) <= 1e-6 * exact, $"{what}: inertia {result.Inertia} vs {exact} recomputed in double");
        int wrong = 0;
        for (int i = 0; i < n; i++)
            if (result.Labels[i] != nearest[i] && second[i] - best[i] > 1e-6 * best[i])
                wrong++;
        Assert.True(wrong == 0, $"{what}: {wrong} rows not labelled with their nearest returned centroid");
        var sizes = result.GetClusterSizes();
        Assert.All(sizes, size => Assert.InRange(size, 900, 1100));

        // Score and Transform measure in the caller's units too (Transform in float's expanded form: its error
        // scales with the norms, so it is checked against the clusters' scale).
        double score = kmeans.Score(result, points);
        Assert.True(Math.Abs(-score - exact) <= 1e-6 * exact, $"{what}: score {score} vs −{exact}");
        var distances = kmeans.Transform(result, points.AsSpan(0, 2 * d));
        for (int c = 0; c < 2; c++)
        {
            double want = Math.Sqrt(ScalarKMeans.SquaredDistance(points, 0, centroids, c, d));
            double tolerance = 1e-4 * want + 1e-3 * scale * separation;
            Assert.True(Math.Abs(distances[c] - want) <= tolerance, $"{what}: transform {distances[c]} vs {want}");
        }
    }

    [Fact]
    public void OrdinaryDataAreNotConditioned()
    {
        // Centred-ish data of everyday magnitude stay bit for bit as given (no translation, no scaling).
        var points = TestData.Gaussian(300 * 3, new Random(TestData.NewSeed()), scale: 5f, offset: 2f);
        Assert.True(GpuKMeans.Data.Conditioning.Choose(points, 3, default).IsNone);
        var far = points.Select(v => v + 1e5f).ToArray();
        Assert.False(GpuKMeans.Data.Conditioning.Choose(far, 3, default).IsNone);
    }
}
