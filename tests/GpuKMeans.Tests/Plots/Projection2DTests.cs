using GpuKMeans.Cli.Plots;
using Xunit;

namespace GpuKMeans.Tests.Plots;

/// <summary>The 2-D projection used by every picture: identity for d ≤ 2, PCA otherwise.</summary>
public sealed class Projection2DTests
{
    [Theory]
    [InlineData(3.0, 1.0)]
    [InlineData(1.0, 1.0)] // equal variances: any orthonormal basis of the plane is right
    [InlineData(5.0, 0.2)]
    public void Pca_OfDataOnAPlaneIn5D_PreservesPairwiseDistances(double stdU, double stdV)
    {
        var (points, uv) = PlaneIn5D(400, stdU, stdV, seed: 7);

        var projection = Projection2D.Fit(points, 5);
        float[] xy = projection.Project(points);

        Assert.True(projection.IsPca);
        for (int i = 0; i < 60; i++)
            for (int j = i + 1; j < 60; j++)
            {
                double expected = Math.Sqrt(Square(uv[2 * i] - uv[2 * j]) + Square(uv[2 * i + 1] - uv[2 * j + 1]));
                double actual = Math.Sqrt(Square(xy[2 * i] - xy[2 * j]) + Square(xy[2 * i + 1] - xy[2 * j + 1]));
                Assert.True(Math.Abs(expected - actual) < 1e-4, $"pair ({i}, {j}): {expected} vs {actual}");
            }
        Assert.InRange(projection.ExplainedVarianceRatio[0] + projection.ExplainedVarianceRatio[1], 0.9999, 1.0001);
        Assert.True(projection.ExplainedVarianceRatio[0] >= projection.ExplainedVarianceRatio[1] - 1e-9);
    }

    [Fact]
    public void Pca_FirstAxisFollowsTheLargestVariance_AndLabelsSayHowMuch()
    {
        var (points, uv) = PlaneIn5D(500, 4.0, 1.0, seed: 3);

        var projection = Projection2D.Fit(points, 5);
        float[] xy = projection.Project(points);

        double varianceX = Variance(xy, 0), varianceY = Variance(xy, 1);
        Assert.True(varianceX > 10 * varianceY, $"var(PC1) = {varianceX}, var(PC2) = {varianceY}");
        Assert.InRange(varianceX, 0.98 * Variance(uv, 0), 1.02 * Variance(uv, 0));
        Assert.Matches(@"^PC1 \(9\d% var\)$", projection.AxisLabel(0));
        Assert.Matches(@"^PC2 \(\d% var\)$", projection.AxisLabel(1));
    }

    [Fact]
    public void Pca_IsDeterministic()
    {
        var (points, _) = PlaneIn5D(300, 2.0, 1.0, seed: 11);

        float[] first = Projection2D.Fit(points, 5).Project(points);
        float[] second = Projection2D.Fit(points, 5).Project(points);

        Assert.Equal(first, second);
    }

    [Fact]
    public void TwoDimensions_IsTheIdentity()
    {
        float[] points = [1.5f, -2f, 0f, 3.25f, -7f, 8f];

        var projection = Projection2D.Fit(points, 2);

        Assert.False(projection.IsPca);
        Assert.Equal(points, projection.Project(points));
        Assert.Equal(new float[] { 9f, 10f }, projection.Project([9f, 10f]));
        Assert.Equal("x0", projection.AxisLabel(0));
        Assert.Equal("x1", projection.AxisLabel(1));
    }

    [Fact]
    public void OneDimension_DrawsXAgainstZero()
    {
        var projection = Projection2D.Fit([1f, 2f, 5f], 1);

        Assert.False(projection.IsPca);
        Assert.Equal(new float[] { 1f, 0f, 2f, 0f, 5f, 0f }, projection.Project([1f, 2f, 5f]));
        Assert.Equal("x0", projection.AxisLabel(0));
    }

    [Fact]
    public void ConstantData_InManyDimensions_ProjectsToTheOrigin()
    {
        float[] points = [.. Enumerable.Repeat(new float[] { 1f, 2f, 3f, 4f }, 10).SelectMany(r => r)];

        float[] xy = Projection2D.Fit(points, 4).Project(points);

        Assert.All(xy, v => Assert.Equal(0f, v, 1e-6f));
    }

    [Fact]
    public void BadShapes_Throw()
    {
        Assert.Throws<ArgumentException>(() => Projection2D.Fit([1f, 2f, 3f], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Projection2D.Fit([1f], 0));
        Assert.Throws<ArgumentException>(() => Projection2D.Fit([1f, 2f, 3f, 4f, 5f, 6f], 3).Project([1f, 2f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Projection2D.Fit([1f, 2f], 2).AxisLabel(2));
    }

    /// <summary>Points <c>offset + u·e1 + v·e2</c> for a random orthonormal pair (e1, e2) in 5-D; also returns (u, v).</summary>
    private static (float[] Points, double[] UV) PlaneIn5D(int n, double stdU, double stdV, int seed)
    {
        var random = new Random(seed);
        double[] e1 = Unit([.. Enumerable.Range(0, 5).Select(_ => random.NextDouble() - 0.5)]);
        double[] e2 = [.. Enumerable.Range(0, 5).Select(_ => random.NextDouble() - 0.5)];
        double along = e1.Zip(e2, (a, b) => a * b).Sum();
        e2 = Unit([.. e2.Select((v, j) => v - along * e1[j])]);
        double[] offset = [2, -1, 0.5, 3, -2];

        var points = new float[n * 5];
        var uv = new double[n * 2];
        for (int i = 0; i < n; i++)
        {
            double u = stdU * (2 * random.NextDouble() - 1) * 1.7;
            double v = stdV * (2 * random.NextDouble() - 1) * 1.7;
            for (int j = 0; j < 5; j++)
                points[i * 5 + j] = (float)(offset[j] + u * e1[j] + v * e2[j]);
            // The float rounding of the points is the reference: recompute (u, v) from the stored coordinates.
            double pu = 0, pv = 0;
            for (int j = 0; j < 5; j++)
            {
                pu += (points[i * 5 + j] - offset[j]) * e1[j];
                pv += (points[i * 5 + j] - offset[j]) * e2[j];
            }
            (uv[2 * i], uv[2 * i + 1]) = (pu, pv);
        }
        return (points, uv);
    }

    private static double[] Unit(double[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    private static double Square(double x) => x * x;

    private static double Variance(IReadOnlyList<float> xy, int axis) => Variance(xy.Select(v => (double)v).ToArray(), axis);

    private static double Variance(double[] xy, int axis)
    {
        var values = Enumerable.Range(0, xy.Length / 2).Select(i => xy[2 * i + axis]).ToArray();
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Length;
    }
}
