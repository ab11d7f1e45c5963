namespace GpuKMeans.Cli.Plots;

/// <summary>
/// The nearest-centroid regions of the plane as exact convex polygons, for smooth boundaries (no pixel grid): each
/// centroid's cell is a rectangle clipped by one half-plane per other centroid. Distances are measured as the fit
/// measured them, <c>wx·Δx² + wy·Δy²</c> in drawn units (<see cref="Projection2D.RegionWeights"/>); the boundary
/// between two centroids is still a straight line. Ties go to the lower index, so coincident centroids leave the
/// higher one an empty cell. The report's script draws the same cells.
/// </summary>
internal static class RegionCells
{
    /// <summary>The cell of every centroid inside <paramref name="rect"/>; a cell with fewer than 3 corners is empty.</summary>
    /// <param name="centroidsXY">Row-major <c>k × 2</c> centroids in drawn units.</param>
    /// <param name="weightX">Weight of squared x differences in the metric.</param>
    /// <param name="weightY">Weight of squared y differences in the metric.</param>
    /// <param name="rect">The area to cover: (left, right, bottom, top).</param>
    public static List<(double X, double Y)>[] Of(ReadOnlySpan<float> centroidsXY, double weightX, double weightY, (double Left, double Right, double Bottom, double Top) rect)
    {
        int k = centroidsXY.Length / 2;
        var cells = new List<(double X, double Y)>[k];
        for (int a = 0; a < k; a++)
        {
            List<(double X, double Y)> cell = [(rect.Left, rect.Bottom), (rect.Right, rect.Bottom), (rect.Right, rect.Top), (rect.Left, rect.Top)];
            double ax = centroidsXY[2 * a], ay = centroidsXY[2 * a + 1];
            for (int b = 0; b < k && cell.Count >= 3; b++)
            {
                if (b == a)
                    continue;
                double bx = centroidsXY[2 * b], by = centroidsXY[2 * b + 1];
                // d_a(p) ≤ d_b(p)  ⇔  2wx(bx − ax)·x + 2wy(by − ay)·y ≤ wx(bx² − ax²) + wy(by² − ay²)
                double nx = 2 * weightX * (bx - ax), ny = 2 * weightY * (by - ay);
                double limit = weightX * (bx * bx - ax * ax) + weightY * (by * by - ay * ay);
                if (nx == 0 && ny == 0)
                {
                    if (b < a)
                        cell.Clear(); // the same point: the lower index owns it
                    continue;
                }
                cell = Clip(cell, nx, ny, limit);
            }
            cells[a] = cell;
        }
        return cells;
    }

    /// <summary>Sutherland–Hodgman: the part of convex <paramref name="polygon"/> where <c>nx·x + ny·y ≤ limit</c>.</summary>
    private static List<(double X, double Y)> Clip(List<(double X, double Y)> polygon, double nx, double ny, double limit)
    {
        var result = new List<(double X, double Y)>(polygon.Count + 1);
        for (int i = 0; i < polygon.Count; i++)
        {
            var p = polygon[i];
            var q = polygon[(i + 1) % polygon.Count];
            double sp = nx * p.X + ny * p.Y - limit, sq = nx * q.X + ny * q.Y - limit;
            if (sp <= 0)
                result.Add(p);
            if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0))
            {
                double t = sp / (sp - sq);
                result.Add((p.X + t * (q.X - p.X), p.Y + t * (q.Y - p.Y)));
            }
        }
        return result;
    }
}
