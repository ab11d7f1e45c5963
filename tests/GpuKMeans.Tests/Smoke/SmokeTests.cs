using GpuKMeans;
using Xunit;

namespace GpuKMeans.Tests.Smoke;

public class SmokeTests
{
    [Fact]
    public void FitsThreeBlobs()
    {
        var rng = new Random(1);
        float[] centres = [1, 1, -1, -1, 1, -1];
        var data = new float[750 * 2];
        for (int i = 0; i < 750; i++)
            for (int j = 0; j < 2; j++)
                data[i * 2 + j] = centres[(i % 3) * 2 + j] + 0.4f * (float)(rng.NextDouble() - 0.5);
        using var km = new KMeans(new KMeansOptions { ClusterCount = 3, Seed = 0, Backend = KMeansBackend.Cpu });
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = km.Fit(data, 2);
        TestContext.Current.SendDiagnosticMessage($"{sw.ElapsedMilliseconds} ms {r.Inertia} {r.Iterations} {string.Join(",", r.GetClusterSizes())} {string.Join(",", r.Centroids)}");
        Assert.Equal([250, 250, 250], r.GetClusterSizes().Order().ToArray());
    }
}
