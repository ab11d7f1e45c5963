using ScottPlot;

namespace GpuKMeans.Cli.Plots;

/// <summary>
/// Picks a sans-serif font that is really installed for the PNG plots (ScottPlot falls back to a serif face on
/// Linux without fontconfig), or leaves ScottPlot's default when none of the candidates exists.
/// </summary>
internal static class PlotFont
{
    private static readonly string[] Candidates = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI"];

    private static readonly Lazy<string?> Family = new(() =>
        Candidates.FirstOrDefault(name => string.Equals(Fonts.GetTypeface(name, false, false)?.FamilyName, name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Applies the font to every text of <paramref name="plot"/>; call after the titles and labels are set.</summary>
    public static void Apply(Plot plot)
    {
        if (Family.Value is { } family)
            plot.Font.Set(family);
    }
}
