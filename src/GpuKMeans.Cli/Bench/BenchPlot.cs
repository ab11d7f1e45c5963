using GpuKMeans.Cli.Plots;
using ScottPlot;

namespace GpuKMeans.Cli.Bench;

/// <summary>Milliseconds per iteration against n, log-log, one line per backend.</summary>
internal static class BenchPlot
{
    public static void Save(string path, IReadOnlyList<BenchRow> rows, BenchSettings settings)
    {
        var plot = new Plot();
        PlotFont.Apply(plot);
        int colour = 0;
        foreach (var group in rows.Where(r => !double.IsNaN(r.MillisecondsPerIteration)).GroupBy(r => r.Backend))
        {
            var measured = group.OrderBy(r => r.N).ToArray();
            var line = plot.Add.Scatter(
                measured.Select(r => Math.Log10(r.N)).ToArray(),
                measured.Select(r => Math.Log10(r.MillisecondsPerIteration)).ToArray(),
                ClusterPalette.Of(colour++));
            line.LegendText = $"{group.Key} ({measured[0].Device})";
            line.MarkerSize = 7;
            line.LineWidth = 2;
        }
        foreach (ScottPlot.IAxis axis in new ScottPlot.IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = value => FormatPower(value),
            };
        plot.Title($"k-means: one Lloyd iteration, d = {settings.Dimensions}, k = {settings.Clusters}");
        plot.XLabel("points n");
        plot.YLabel("ms per iteration");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 900, 600);
    }

    private static string FormatPower(double log10) =>
        Math.Pow(10, log10).ToString(log10 < 0 ? "G3" : "N0", System.Globalization.CultureInfo.InvariantCulture);
}
