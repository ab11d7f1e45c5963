using ScottPlot;

namespace GpuKMeans.Cli.Plots;

/// <summary>
/// Draws one clustering onto a ScottPlot <see cref="Plot"/> in the projected plane: shaded nearest-centroid
/// regions (exact polygons, so the boundaries are straight and smooth), points coloured by label, centroids as red X. Shared by <see cref="ClusterPlot"/> and
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

    /// <summary>
    /// Adds everything to <paramref name="plot"/> and fixes its axis limits to <paramref name="bounds"/>, at equal
    /// aspect where both axes share a unit (<see cref="Projection2D.SharesUnits"/>).
    /// </summary>
    /// <param name="plot">The plot to draw on.</param>
    /// <param name="projection">The projection the points were drawn with (metric of the regions, aspect).</param>
    /// <param name="xy">Projected points to draw, row-major <c>m × 2</c>.</param>
    /// <param name="labels">One label per drawn point, in <c>[0, k)</c>.</param>
    /// <param name="centroidsXY">Projected centroids, row-major <c>k × 2</c>.</param>
    /// <param name="bounds">The area the points need; equal aspect may show more.</param>
    /// <param name="shadeRegions">Whether to shade the nearest-centroid regions.</param>
    /// <param name="markerSize">Point marker size in pixels.</param>
    /// <param name="legendSizes">The size of every cluster (of all points, not only the drawn ones) for legend
    /// entries, or null for no legend.</param>
    public static void Draw(
        Plot plot, Projection2D projection, ReadOnlySpan<float> xy, ReadOnlySpan<int> labels, ReadOnlySpan<float> centroidsXY,
        CoordinateRect bounds, bool shadeRegions, float markerSize, IReadOnlyList<int>? legendSizes)
    {
        int k = centroidsXY.Length / 2;
        if (shadeRegions && k > 0)
            ShadeRegions(plot, projection, centroidsXY, bounds);

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
        if (projection.SharesUnits)
            plot.Axes.SquareUnits();
    }

    /// <summary>
    /// Shades each centroid's region as an exact polygon (<see cref="RegionCells"/>), in its colour lightened towards
    /// white. With equal aspect the view may grow past <paramref name="bounds"/>, so the cells then cover a square
    /// around it that any aspect ratio stays inside.
    /// </summary>
    private static void ShadeRegions(Plot plot, Projection2D projection, ReadOnlySpan<float> centroidsXY, CoordinateRect bounds)
    {
        var area = (bounds.Left, bounds.Right, bounds.Bottom, bounds.Top);
        if (projection.SharesUnits)
        {
            double reach = 2 * Math.Max(bounds.Width, bounds.Height);
            area = (bounds.HorizontalCenter - reach, bounds.HorizontalCenter + reach, bounds.VerticalCenter - reach, bounds.VerticalCenter + reach);
        }
        var (weightX, weightY) = projection.RegionWeights;
        var cells = RegionCells.Of(centroidsXY, weightX, weightY, area);
        for (int c = 0; c < cells.Length; c++)
        {
            if (cells[c].Count < 3)
                continue;
            var colour = ClusterPalette.Of(c);
            var tint = new Color(Lighten(colour.R), Lighten(colour.G), Lighten(colour.B));
            var polygon = plot.Add.Polygon([.. cells[c].Select(p => new Coordinates(p.X, p.Y))]);
            polygon.FillColor = tint;
            polygon.LineColor = tint; // a hairline of the same colour hides the anti-aliased seam between cells
            polygon.LineWidth = 1;
        }
    }

    /// <summary>Blends a channel 78% towards white: the regions stay pale behind the points.</summary>
    private static byte Lighten(byte channel) => (byte)Math.Round(channel + (255 - channel) * 0.78);
}
