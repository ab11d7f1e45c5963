using ScottPlot;

namespace GpuKMeans.Cli.Plots;

/// <summary>
/// Small multiples of a fit's recorded iterations as one PNG: each panel shows the points coloured by that
/// iteration's labels, that iteration's centroids as red X and their (projected) nearest-centroid regions. All
/// panels share one projection and one view. When there are more iterations than panels, the first
/// <c>maxPanels − 1</c> are shown and the last panel is the final iteration.
/// </summary>
internal static class IterationsPlot
{
    /// <summary>At most this many points are drawn in every panel (a deterministic, evenly spaced subsample).</summary>
    public const int MaxDrawnPoints = 20_000;

    /// <summary>Writes the small multiples to <paramref name="path"/> (PNG).</summary>
    /// <param name="path">The PNG file to write; its folder must exist.</param>
    /// <param name="points">Row-major <c>n × d</c> points, the ones the history was recorded on.</param>
    /// <param name="dims">Number of features <c>d</c>.</param>
    /// <param name="history">The recorded iterations (<see cref="KMeansResult.History"/>); not empty.</param>
    /// <param name="maxPanels">The most panels to draw (1 to 24).</param>
    /// <param name="space">The features' names and scaling (points and centroids are in fitted units); <c>null</c> for
    /// unscaled <c>x0 … x{d−1}</c>.</param>
    /// <exception cref="ArgumentException">The history is empty or does not match the points.</exception>
    public static void Save(
        string path, ReadOnlySpan<float> points, int dims, IReadOnlyList<KMeansIterationSnapshot> history, int maxPanels = 6,
        FeatureSpace? space = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dims);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPanels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPanels, 24);
        if (history.Count == 0)
            throw new ArgumentException("The history is empty: fit with KMeansOptions.RecordHistory = true.", nameof(history));
        if (points.Length % dims != 0)
            throw new ArgumentException($"{points.Length} values do not make rows of {dims}.", nameof(points));
        int n = points.Length / dims;

        var projection = Projection2D.Fit(points, dims, space);
        int[] drawn = ClusterPalette.Subsample(n, MaxDrawnPoints);
        var drawnXY = projection.Project(ClusterPlot.Gather(points, dims, drawn));
        var bounds = ClusterScene.Bounds(drawnXY);
        float markerSize = Math.Max(2f, ClusterPlot.MarkerSize(drawn.Length) - 1.5f);

        var shown = PickPanels(history.Count, maxPanels);
        int columns = shown.Count switch { 1 => 1, 2 or 4 => 2, _ => 3 };
        int rows = (shown.Count + columns - 1) / columns;

        var plots = new List<Plot>(shown.Count);
        for (int p = 0; p < shown.Count; p++)
        {
            var snapshot = history[shown[p]];
            if (snapshot.Labels.Length != n || snapshot.Centroids.Length % dims != 0)
                throw new ArgumentException($"Iteration {snapshot.Iteration} has {snapshot.Labels.Length} labels for {n} points, or centroids not in rows of {dims}.", nameof(history));
            var labels = new int[drawn.Length];
            for (int s = 0; s < drawn.Length; s++)
                labels[s] = snapshot.Labels[drawn[s]];

            var plot = new Plot();
            plots.Add(plot);
            var centroidsXY = projection.Project(snapshot.Centroids.AsSpan());
            ClusterScene.Draw(plot, projection, drawnXY, labels, centroidsXY, bounds, shadeRegions: true, markerSize, legendSizes: null);
            bool last = shown[p] == history.Count - 1 && history.Count > 1;
            plot.Title($"iteration {snapshot.Iteration}{(last ? " (last)" : "")}", size: 14);
            plot.XLabel(projection.AxisLabel(0), size: 11);
            plot.YLabel(projection.AxisLabel(1), size: 11);
            PlotFont.Apply(plot);
        }
        var multiplot = new Multiplot(plots[0]); // starts with exactly this one plot
        foreach (var plot in plots.Skip(1))
            multiplot.AddPlot(plot);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        multiplot.SavePng(path, 380 * columns, 340 * rows);
    }

    /// <summary>The history indices to draw: all, or the first <c>maxPanels − 1</c> and the last.</summary>
    internal static List<int> PickPanels(int count, int maxPanels)
    {
        if (count <= maxPanels)
            return [.. Enumerable.Range(0, count)];
        var picked = Enumerable.Range(0, maxPanels - 1).ToList();
        picked.Add(count - 1);
        return picked;
    }
}
