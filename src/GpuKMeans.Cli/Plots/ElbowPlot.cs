using ScottPlot;

namespace GpuKMeans.Cli.Plots;

/// <summary>
/// The notebook's "Elbow Method" picture as a PNG: inertia (WCSS) against the number of clusters, and with
/// <c>elbow --silhouette</c> the silhouette score of every k on a right-hand axis, each value written by its point.
/// </summary>
internal static class ElbowPlot
{
    /// <summary>Writes the elbow plot of <paramref name="rows"/> to <paramref name="path"/> (PNG).</summary>
    /// <param name="path">The PNG file to write; its folder must exist.</param>
    /// <param name="rows">One (k, inertia) pair per fitted k, in any order.</param>
    /// <param name="title">The plot title, e.g. "Elbow Method".</param>
    /// <param name="silhouettes">The silhouette score of each k (<c>null</c> where undefined, k = 1), or <c>null</c> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty.</exception>
    public static void Save(string path, IReadOnlyList<(int K, double Inertia)> rows, string title,
        IReadOnlyList<(int K, double? Silhouette)>? silhouettes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Build(rows, title, silhouettes).SavePng(path, 800, 500);
    }

    /// <summary>The plot <see cref="Save"/> writes, for tests to inspect.</summary>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty.</exception>
    internal static Plot Build(IReadOnlyList<(int K, double Inertia)> rows, string title,
        IReadOnlyList<(int K, double? Silhouette)>? silhouettes = null)
    {
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
        if (silhouettes is not null)
            AddSilhouettes(plot, line, silhouettes);
        PlotFont.Apply(plot);
        return plot;
    }

    /// <summary>The silhouette line on the right axis (from −1 to 1 as the score ranges), its values written above the points.</summary>
    private static void AddSilhouettes(Plot plot, ScottPlot.Plottables.Scatter inertia, IReadOnlyList<(int K, double? Silhouette)> silhouettes)
    {
        var defined = silhouettes.Where(s => s.Silhouette is not null).OrderBy(s => s.K).ToArray();
        if (defined.Length == 0)
            return;
        double[] ks = [.. defined.Select(s => (double)s.K)];
        double[] scores = [.. defined.Select(s => s.Silhouette!.Value)];
        var line = plot.Add.Scatter(ks, scores, ClusterPalette.Of(1));
        line.LineWidth = 2;
        line.LinePattern = LinePattern.Dashed;
        line.MarkerShape = MarkerShape.FilledSquare;
        line.MarkerSize = 8;
        line.Axes.YAxis = plot.Axes.Right;
        line.LegendText = "silhouette (right axis)";
        inertia.LegendText = "inertia (left axis)";
        foreach (var (k, score) in defined)
        {
            var label = plot.Add.Text(score!.Value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture), k, score.Value);
            label.Axes.YAxis = plot.Axes.Right;
            label.LabelFontColor = ClusterPalette.Of(1);
            label.LabelAlignment = Alignment.LowerCenter;
            label.OffsetY = -6;
        }
        plot.Axes.Right.Label.Text = "Silhouette score";
        plot.Axes.SetLimitsY(Math.Min(0, defined.Min(s => s.Silhouette!.Value) - 0.1), 1.05, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperRight);
    }
}
