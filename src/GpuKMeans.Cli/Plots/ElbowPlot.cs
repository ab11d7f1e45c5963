using ScottPlot;

namespace GpuKMeans.Cli.Plots;

/// <summary>The notebook's "Elbow Method" picture as a PNG: inertia (WCSS) against the number of clusters.</summary>
internal static class ElbowPlot
{
    /// <summary>Writes the elbow plot of <paramref name="rows"/> to <paramref name="path"/> (PNG).</summary>
    /// <param name="path">The PNG file to write; its folder must exist.</param>
    /// <param name="rows">One (k, inertia) pair per fitted k, in any order.</param>
    /// <param name="title">The plot title, e.g. "Elbow Method".</param>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty.</exception>
    public static void Save(string path, IReadOnlyList<(int K, double Inertia)> rows, string title)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            throw new ArgumentException("No (k, inertia) rows to plot.", nameof(rows));

        var sorted = rows.OrderBy(r => r.K).ToArray();
        double[] xs = [.. sorted.Select(r => (double)r.K)];
        double[] ys = [.. sorted.Select(r => r.Inertia)];

        var plot = new Plot();
        var line = plot.Add.Scatter(xs, ys, ClusterPalette.Of(0));
        line.LineWidth = 2;
        line.MarkerShape = MarkerShape.FilledCircle;
        line.MarkerSize = 9;
        plot.Title(title);
        plot.XLabel("Number of clusters");
        plot.YLabel("Inertia (WCSS)");

        int span = sorted[^1].K - sorted[0].K;
        if (span <= 20)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        double yMax = ys.Max();
        plot.Axes.SetLimits(sorted[0].K - 0.5, sorted[^1].K + 0.5, 0, yMax > 0 ? yMax * 1.08 : 1);
        PlotFont.Apply(plot);
        plot.SavePng(path, 800, 500);
    }
}
