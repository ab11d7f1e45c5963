using System.Collections.Immutable;
using GpuKMeans.Cli.Plots;
using Xunit;

namespace GpuKMeans.Tests.Plots;

/// <summary>Every PNG plot writes a real, non-blank picture with the expected colours.</summary>
public sealed class PlotPngTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gpukmeans-plot-tests", Guid.NewGuid().ToString("N"));

    public PlotPngTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a leftover temp folder must not fail a test */ }
    }

    [Fact]
    public void ClusterPlot_OfTheNotebookBlobs_ShowsEveryClusterColourCentroidsAndRegions()
    {
        var blobs = PlotTestData.NotebookBlobs();
        var result = PlotTestData.FitWithHistory(blobs.Points, 2);
        string path = Path.Combine(_dir, "clusters.png");

        ClusterPlot.Save(path, blobs.Points, 2, result.Labels.AsSpan(), result.Centroids.AsSpan(), 3, "k-means, k = 3");

        using var bitmap = PngAssert.IsPicture(path, minWidth: ClusterPlot.Width, minHeight: ClusterPlot.Height);
        for (int c = 0; c < 3; c++)
            Assert.True(PngAssert.CountNear(bitmap, ClusterPalette.Hex(c), 10) > 200, $"cluster {c}'s colour is missing");
        Assert.True(PngAssert.CountNear(bitmap, Tint(ClusterPalette.Hex(0)), 3) > 5_000, "no shaded region");
    }

    [Fact]
    public void ClusterPlot_WithoutRegions_HasNoShading()
    {
        var blobs = PlotTestData.NotebookBlobs(300);
        var result = PlotTestData.FitWithHistory(blobs.Points, 2);
        string path = Path.Combine(_dir, "plain.png");

        ClusterPlot.Save(path, blobs.Points, 2, result.Labels.AsSpan(), result.Centroids.AsSpan(), 3, "plain", shadeRegions: false);

        using var bitmap = PngAssert.IsPicture(path);
        Assert.True(PngAssert.CountNear(bitmap, Tint(ClusterPalette.Hex(0)), 3) < 500);
    }

    [Fact]
    public void ClusterPlot_OfManyDimensionsAndManyPoints_DrawsAPcaSubsample()
    {
        var blobs = PlotTestData.HighDimensionalBlobs(120_000, 6);
        float[] means = PlotTestData.Means(blobs.Points, 6, blobs.Labels, 3);
        string path = Path.Combine(_dir, "pca.png");

        ClusterPlot.Save(path, blobs.Points, 6, blobs.Labels, means, 3, "six features");

        using var bitmap = PngAssert.IsPicture(path);
        for (int c = 0; c < 3; c++)
            Assert.True(PngAssert.CountNear(bitmap, ClusterPalette.Hex(c), 10) > 200, $"cluster {c}'s colour is missing");
    }

    [Fact]
    public void ClusterPlot_OfOneDimension_Works()
    {
        float[] points = [.. Enumerable.Range(0, 200).Select(i => (float)(i % 2 == 0 ? i * 0.01 : 5 + i * 0.01))];
        int[] labels = [.. Enumerable.Range(0, 200).Select(i => i % 2)];
        string path = Path.Combine(_dir, "one.png");

        ClusterPlot.Save(path, points, 1, labels, [1f, 6f], 2, "one feature");

        using var bitmap = PngAssert.IsPicture(path);
    }

    [Fact]
    public void ClusterPlot_RejectsMismatchedShapes()
    {
        string path = Path.Combine(_dir, "bad.png");
        Assert.Throws<ArgumentException>(() => ClusterPlot.Save(path, [1f, 2f, 3f, 4f], 2, [0], [1f, 2f], 1, "t"));
        Assert.Throws<ArgumentException>(() => ClusterPlot.Save(path, [1f, 2f, 3f, 4f], 2, [0, 0], [1f, 2f, 3f], 1, "t"));
        Assert.Throws<ArgumentException>(() => ClusterPlot.Save(path, [1f, 2f, 3f, 4f], 2, [0, 5], [1f, 2f], 1, "t"));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ElbowPlot_WritesTheInertiaCurve()
    {
        List<(int K, double Inertia)> rows = [(1, 1500), (2, 800), (3, 260), (4, 210), (5, 180), (6, 160), (7, 140), (8, 125)];
        string path = Path.Combine(_dir, "elbow.png");

        ElbowPlot.Save(path, rows, "Elbow Method");

        using var bitmap = PngAssert.IsPicture(path, minColours: 3, expectRed: false);
        Assert.True(PngAssert.CountNear(bitmap, ClusterPalette.Hex(0), 10) > 300, "no curve drawn");
        Assert.Throws<ArgumentException>(() => ElbowPlot.Save(path, [], "empty"));
    }

    [Fact]
    public void IterationsPlot_DrawsAGridOfPanels()
    {
        var blobs = PlotTestData.NotebookBlobs();
        var result = PlotTestData.FitWithHistory(blobs.Points, 2);
        Assert.True(result.History.Count >= 3, $"only {result.History.Count} iterations recorded");
        string path = Path.Combine(_dir, "iterations.png");

        IterationsPlot.Save(path, blobs.Points, 2, result.History, maxPanels: 6);

        int panels = Math.Min(6, result.History.Count);
        int columns = panels switch { 1 => 1, 2 or 4 => 2, _ => 3 };
        int rows = (panels + columns - 1) / columns;
        using var bitmap = PngAssert.IsPicture(path, minWidth: panels > 2 ? 900 : 300);
        int cellWidth = bitmap.Width / columns, cellHeight = bitmap.Height / rows;
        for (int p = 0; p < panels; p++) // every panel shows points (none is left blank)
        {
            using var cell = new SkiaSharp.SKBitmap(cellWidth, cellHeight);
            Assert.True(bitmap.ExtractSubset(cell, SkiaSharp.SKRectI.Create(p % columns * cellWidth, p / columns * cellHeight, cellWidth, cellHeight)));
            int coloured = Enumerable.Range(0, 3).Sum(c => PngAssert.CountNear(cell, ClusterPalette.Hex(c), 10));
            Assert.True(coloured > 300, $"panel {p} has only {coloured} cluster-coloured pixels");
        }
    }

    [Fact]
    public void IterationsPlot_RejectsAnEmptyHistory()
    {
        string path = Path.Combine(_dir, "none.png");
        Assert.Throws<ArgumentException>(() => IterationsPlot.Save(path, [1f, 2f], 2, []));
        var wrong = new KMeansIterationSnapshot(1, [0f, 0f], ImmutableArray.Create(0, 0));
        Assert.Throws<ArgumentException>(() => IterationsPlot.Save(path, [1f, 2f], 2, [wrong]));
    }

    [Theory]
    [InlineData(3, 6, new[] { 0, 1, 2 })]
    [InlineData(6, 6, new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData(12, 6, new[] { 0, 1, 2, 3, 4, 11 })]
    [InlineData(5, 1, new[] { 4 })]
    public void IterationsPlot_PicksTheFirstIterationsAndTheLast(int count, int maxPanels, int[] expected) =>
        Assert.Equal(expected, IterationsPlot.PickPanels(count, maxPanels));

    /// <summary>The pale region tint of a cluster colour (78% towards white, as ClusterScene draws it).</summary>
    private static string Tint(string hex)
    {
        var c = ScottPlot.Color.FromHex(hex);
        static int L(byte v) => (int)Math.Round(v + (255 - v) * 0.78);
        return $"#{L(c.R):x2}{L(c.G):x2}{L(c.B):x2}";
    }
}
