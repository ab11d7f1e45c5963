using ScottPlot;
using SkiaSharp;

namespace GpuKMeans.Cli.Plots;

/// <summary>
/// Draws one clustering onto a ScottPlot <see cref="Plot"/> in the projected plane: shaded nearest-centroid
/// regions, points coloured by label, centroids as red X. Shared by <see cref="ClusterPlot"/> and
/// <see cref="IterationsPlot"/>.
/// </summary>
internal static class ClusterScene
{
    /// <summary>The drawing area around projected points: their bounding box plus a 5% margin (never empty).</summary>
    public static CoordinateRect Bounds(ReadOnlySpan<float> xy)
    {
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity;
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        for (int i = 0; i + 1 < xy.Length; i += 2)
        {
            xMin = Math.Min(xMin, xy[i]);
            xMax = Math.Max(xMax, xy[i]);
            yMin = Math.Min(yMin, xy[i + 1]);
            yMax = Math.Max(yMax, xy[i + 1]);
        }
        if (xy.Length < 2)
            (xMin, xMax, yMin, yMax) = (-1, 1, -1, 1);
        double padX = Math.Max((xMax - xMin) * 0.05, 0.5 * Math.Max(1e-6, Math.Abs(xMax) * 1e-3));
        double padY = Math.Max((yMax - yMin) * 0.05, 0.5 * Math.Max(1e-6, Math.Abs(yMax) * 1e-3));
        if (yMax - yMin < 1e-12)
            padY = Math.Max(padY, padX * 5); // d = 1: give the flat line some room
        return new CoordinateRect(xMin - padX, xMax + padX, yMin - padY, yMax + padY);
    }

    /// <summary>Adds everything to <paramref name="plot"/> and fixes its axis limits to <paramref name="bounds"/>.</summary>
    /// <param name="plot">The plot to draw on.</param>
    /// <param name="xy">Projected points to draw, row-major <c>m × 2</c>.</param>
    /// <param name="labels">One label per drawn point, in <c>[0, k)</c>.</param>
    /// <param name="centroidsXY">Projected centroids, row-major <c>k × 2</c>.</param>
    /// <param name="bounds">The visible area.</param>
    /// <param name="shadeRegions">Whether to shade the nearest-centroid regions.</param>
    /// <param name="markerSize">Point marker size in pixels.</param>
    /// <param name="legendSizes">The size of every cluster (of all points, not only the drawn ones) for legend
    /// entries, or null for no legend.</param>
    public static void Draw(
        Plot plot, ReadOnlySpan<float> xy, ReadOnlySpan<int> labels, ReadOnlySpan<float> centroidsXY,
        CoordinateRect bounds, bool shadeRegions, float markerSize, IReadOnlyList<int>? legendSizes)
    {
        int k = centroidsXY.Length / 2;
        if (shadeRegions && k > 0)
        {
            var regions = plot.Add.ImageRect(RegionImage(centroidsXY, bounds, 600, 450), bounds);
            regions.AntiAlias = false;
        }

        var perClusterX = new List<double>[k];
        var perClusterY = new List<double>[k];
        for (int c = 0; c < k; c++)
            (perClusterX[c], perClusterY[c]) = ([], []);
        for (int i = 0; i < labels.Length; i++)
        {
            int c = labels[i];
            if ((uint)c >= (uint)k)
                throw new ArgumentException($"Label {c} of drawn point {i} is not in [0, {k}).", nameof(labels));
            perClusterX[c].Add(xy[2 * i]);
            perClusterY[c].Add(xy[2 * i + 1]);
        }
        for (int c = 0; c < k; c++)
        {
            if (perClusterX[c].Count == 0)
                continue;
            var markers = plot.Add.Markers(perClusterX[c].ToArray(), perClusterY[c].ToArray(), MarkerShape.FilledCircle, markerSize, ClusterPalette.Of(c));
            if (legendSizes is not null)
                markers.LegendText = $"cluster {c} ({legendSizes[c]:N0})";
        }

        var cx = new double[k];
        var cy = new double[k];
        for (int c = 0; c < k; c++)
            (cx[c], cy[c]) = (centroidsXY[2 * c], centroidsXY[2 * c + 1]);
        float size = Math.Max(12, markerSize * 3.5f);
        var halo = plot.Add.Markers(cx, cy, MarkerShape.Eks, size + 3, Colors.White);
        halo.MarkerLineWidth = 6;
        var centroids = plot.Add.Markers(cx, cy, MarkerShape.Eks, size, ClusterPalette.Centroid);
        centroids.MarkerLineWidth = 3.5f;
        if (legendSizes is not null)
            centroids.LegendText = "centroids";

        plot.Axes.SetLimits(bounds.Left, bounds.Right, bounds.Bottom, bounds.Top);
    }

    /// <summary>
    /// A <paramref name="width"/> × <paramref name="height"/> image of the nearest-centroid regions over
    /// <paramref name="bounds"/>: each cell (row 0 at the top) in its centroid's colour, lightened towards white.
    /// </summary>
    public static Image RegionImage(ReadOnlySpan<float> centroidsXY, CoordinateRect bounds, int width, int height)
    {
        int k = centroidsXY.Length / 2;
        var tints = new SKColor[k];
        for (int c = 0; c < k; c++)
        {
            var colour = ClusterPalette.Of(c);
            tints[c] = new SKColor(Lighten(colour.R), Lighten(colour.G), Lighten(colour.B));
        }
        var pixels = new SKColor[width * height];
        for (int row = 0; row < height; row++)
        {
            double y = bounds.Top - (row + 0.5) * (bounds.Top - bounds.Bottom) / height;
            for (int col = 0; col < width; col++)
            {
                double x = bounds.Left + (col + 0.5) * (bounds.Right - bounds.Left) / width;
                pixels[row * width + col] = tints[Nearest(centroidsXY, x, y)];
            }
        }
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul) { Pixels = pixels };
        return new Image(bitmap);
    }

    /// <summary>The index of the projected centroid nearest to (<paramref name="x"/>, <paramref name="y"/>); ties go to the lower index.</summary>
    public static int Nearest(ReadOnlySpan<float> centroidsXY, double x, double y)
    {
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int c = 0; c < centroidsXY.Length / 2; c++)
        {
            double dx = x - centroidsXY[2 * c], dy = y - centroidsXY[2 * c + 1];
            double distance = dx * dx + dy * dy;
            if (distance < bestDistance)
                (best, bestDistance) = (c, distance);
        }
        return best;
    }

    /// <summary>Blends a channel 78% towards white: the regions stay pale behind the points.</summary>
    private static byte Lighten(byte channel) => (byte)Math.Round(channel + (255 - channel) * 0.78);
}
