using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Output;
using GpuKMeans.Cli.Plots;
using GpuKMeans.Cli.Scaling;
using GpuKMeans.Tests.Cli;
using ScottPlot;
using Xunit;

namespace GpuKMeans.Tests.Plots;

/// <summary>
/// What the PNG plots say, read from the ScottPlot objects: axis names as the summary names the columns, original
/// units after <c>--scale</c>, equal aspect where both axes share a unit, the legend outside the data, and the
/// regions as exact polygons.
/// </summary>
public sealed class PlotAxesTests
{
    private static string IrisPath => Path.Combine(AppContext.BaseDirectory, "docs", "data", "iris.csv");

    [Fact]
    public void HeaderlessColumns_AreX0AndX1_InTheTableAndThePlot()
    {
        Assert.Equal(["x0", "x1", "x2"], FeatureNames.Of(null, 3));
        Assert.Equal(["a", "x1"], FeatureNames.Of(["a", " "], 2));
        var blobs = PlotTestData.NotebookBlobs(90);
        var result = PlotTestData.FitWithHistory(blobs.Points, 2);

        var plot = ClusterPlot.Build(blobs.Points, 2, result.Labels.AsSpan(), result.Centroids.AsSpan(), 3, "t", space: FeatureSpace.Of(null, 2));

        Assert.Equal("x0", plot.Axes.Bottom.Label.Text);
        Assert.Equal("x1", plot.Axes.Left.Label.Text);
        var table = new StringWriter();
        ClusterTable.Write(table, result);
        Assert.Matches(@"cluster\s+size\s+x0\s+x1", table.ToString());
    }

    [Fact]
    public void IrisColumns2To3_AxesCarryTheSelectedHeaderNames_AsTheTableDoes()
    {
        var data = PointReader.Read(IrisPath, new InputOptions(Columns: "2-3"));
        var labels = new int[data.Rows];
        var plot = ClusterPlot.Build(data.Values, 2, labels, [1f, 1f], 1, "iris", space: FeatureSpace.Of(data.Header, 2));

        Assert.Equal("petal_length", plot.Axes.Bottom.Label.Text);
        Assert.Equal("petal_width", plot.Axes.Left.Label.Text);
        var run = CliRun.Of("fit", IrisPath, "--k", "3", "--columns", "2-3", "--seed", "0", "--backend", "cpu");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"cluster\s+size\s+petal_length\s+petal_width", run.Out);
    }

    [Fact]
    public void ScaledFeatures_AreDrawnInTheirOriginalUnits_WithTheFitsRegions()
    {
        // Two features far from the origin with different spreads: scaled units and original units differ a lot.
        var (raw, scaled, scaler) = ScaledBlobs();
        var result = PlotTestData.FitWithHistory(scaled, 2);
        var space = FeatureSpace.Of(["width", "height"], 2, scaler);

        var plot = ClusterPlot.Build(scaled, 2, result.Labels.AsSpan(), result.Centroids.AsSpan(), 3, "t", space: space);
        plot.GetImage(ClusterPlot.Width, ClusterPlot.Height);

        var limits = plot.Axes.GetLimits();
        var (xMin, xMax, yMin, yMax) = Range(raw);
        Assert.True(limits.Left <= xMin && limits.Right >= xMax && limits.Bottom <= yMin && limits.Top >= yMax,
            $"the view {limits} does not hold the data in original units [{xMin}, {xMax}] × [{yMin}, {yMax}]");
        Assert.True(limits.Left > 50 && limits.Bottom > 900, $"the view {limits} is in scaled units");
        Assert.Equal("width", plot.Axes.Bottom.Label.Text);
        // The red X sit where the summary's centroids (original units) are.
        float[] original = scaler.Invert(result.Centroids.AsSpan());
        var centroids = plot.GetPlottables<ScottPlot.Plottables.Markers>().Last();
        var drawn = centroids.Data.GetScatterPoints();
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(original[2 * c], drawn[c].X, 1e-3);
            Assert.Equal(original[2 * c + 1], drawn[c].Y, 1e-3);
        }
        // Rescaled axes do not share a unit: no equal aspect is forced, the regions use the fit's (scaled) metric.
        var projection = Projection2D.Fit(scaled, 2, space);
        Assert.False(projection.SharesUnits);
        Assert.Equal(1 / (scaler.UnitOf(0) * scaler.UnitOf(0)), projection.RegionWeights.X, 1e-12);
        Assert.Contains("original units", projection.Description);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void AxesSharingAUnit_AreDrawnAtEqualAspect(int dims)
    {
        var blobs = dims == 2 ? PlotTestData.NotebookBlobs(300) : PlotTestData.HighDimensionalBlobs(300, dims);
        // Stretch the first feature so that a free aspect would differ a lot from an equal one.
        float[] points = [.. blobs.Points.Select((v, i) => i % dims == 0 ? v * 6 : v)];
        float[] means = PlotTestData.Means(points, dims, blobs.Labels, 3);

        var plot = ClusterPlot.Build(points, dims, blobs.Labels, means, 3, "t");
        plot.GetImage(ClusterPlot.Width, ClusterPlot.Height);

        var limits = plot.Axes.GetLimits();
        var area = plot.LastRender.DataRect;
        double perPixelX = limits.HorizontalSpan / area.Width, perPixelY = limits.VerticalSpan / area.Height;
        Assert.True(Math.Abs(perPixelX / perPixelY - 1) < 0.01, $"units per pixel: x {perPixelX}, y {perPixelY}");
    }

    [Fact]
    public void TheLegend_IsOutsideTheDataArea()
    {
        var blobs = PlotTestData.NotebookBlobs(300);
        var result = PlotTestData.FitWithHistory(blobs.Points, 2);

        var plot = ClusterPlot.Build(blobs.Points, 2, result.Labels.AsSpan(), result.Centroids.AsSpan(), 3, "t");
        plot.GetImage(ClusterPlot.Width, ClusterPlot.Height);

        Assert.False(plot.Legend.IsVisible); // no legend drawn inside the data area…
        Assert.Contains(plot.Axes.GetPanels(), panel => panel is ScottPlot.Panels.LegendPanel); // …but one beside it
        Assert.True(plot.LastRender.DataRect.Right < ClusterPlot.Width - 100, "no room was left for the legend beside the data");
    }

    [Fact]
    public void Regions_AreOnePolygonPerCluster_NotAPixelImage()
    {
        var blobs = PlotTestData.NotebookBlobs(300);
        var result = PlotTestData.FitWithHistory(blobs.Points, 2);

        var plot = ClusterPlot.Build(blobs.Points, 2, result.Labels.AsSpan(), result.Centroids.AsSpan(), 3, "t");

        Assert.Equal(3, plot.GetPlottables<ScottPlot.Plottables.Polygon>().Count());
        Assert.Empty(plot.GetPlottables<ScottPlot.Plottables.ImageRect>());
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.01, 4.0)]
    public void RegionCells_HoldExactlyThePointsNearestTheirCentroid(double weightX, double weightY)
    {
        var random = new Random(7);
        float[] centroids = [.. Enumerable.Range(0, 14).Select(_ => (float)(random.NextDouble() * 10 - 5))];
        centroids[12] = centroids[2]; // a coincident pair: the lower index owns it
        centroids[13] = centroids[3];
        var cells = RegionCells.Of(centroids, weightX, weightY, (-8, 8, -6, 6));

        Assert.True(cells[6].Count < 3, "the higher of two coincident centroids should have an empty cell");
        for (int trial = 0; trial < 2000; trial++)
        {
            double x = random.NextDouble() * 16 - 8, y = random.NextDouble() * 12 - 6;
            int nearest = 0;
            double best = double.PositiveInfinity;
            for (int c = 0; c < 7; c++)
            {
                double dx = x - centroids[2 * c], dy = y - centroids[2 * c + 1], d = weightX * dx * dx + weightY * dy * dy;
                if (d < best)
                    (nearest, best) = (c, d);
            }
            Assert.True(Inside(cells[nearest], x, y), $"({x}, {y}) is nearest centroid {nearest} but outside its cell");
        }
    }

    private static (float[] Raw, float[] Scaled, FeatureScaler Scaler) ScaledBlobs()
    {
        var blobs = PlotTestData.HighDimensionalBlobs(300, 2);
        float[] raw = [.. blobs.Points.Select((v, i) => i % 2 == 0 ? 100 + 20 * v : 1000 + v)];
        var scaler = FeatureScaler.Fit(ScaleMethod.Standard, raw, 2);
        return (raw, scaler.Transform(raw), scaler);
    }

    private static (double XMin, double XMax, double YMin, double YMax) Range(float[] xy)
    {
        var xs = xy.Where((_, i) => i % 2 == 0).ToArray();
        var ys = xy.Where((_, i) => i % 2 == 1).ToArray();
        return (xs.Min(), xs.Max(), ys.Min(), ys.Max());
    }

    /// <summary>Whether (x, y) is inside or on a convex polygon given in either orientation.</summary>
    private static bool Inside(List<(double X, double Y)> polygon, double x, double y)
    {
        if (polygon.Count < 3)
            return false;
        int sign = 0;
        for (int i = 0; i < polygon.Count; i++)
        {
            var (ax, ay) = polygon[i];
            var (bx, by) = polygon[(i + 1) % polygon.Count];
            double cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
            if (Math.Abs(cross) < 1e-9)
                continue;
            int s = Math.Sign(cross);
            if (sign != 0 && s != sign)
                return false;
            sign = s;
        }
        return true;
    }
}
