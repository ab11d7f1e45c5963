using ScottPlot;

namespace GpuKMeans.Cli.Plots;

/// <summary>
/// The fixed categorical colours of clusters, shared by the PNG plots and the HTML report. Red is left out:
/// it marks centroids. Past the ten base colours, hues step by the golden angle.
/// </summary>
internal static class ClusterPalette
{
    /// <summary>The base colours as <c>#rrggbb</c>: blue, orange, green, purple, brown, pink, grey, olive, cyan, navy.</summary>
    public static IReadOnlyList<string> BaseHex { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79"];

    /// <summary>The colour of centroid markers.</summary>
    public static Color Centroid { get; } = new(230, 0, 0);

    /// <summary>The colour of cluster <paramref name="index"/> as <c>#rrggbb</c>.</summary>
    public static string Hex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (index < BaseHex.Count)
            return BaseHex[index];
        // Golden-angle hues, away from red (kept for centroids): hue in [40°, 320°].
        double hue = 40 + (index - BaseHex.Count) * 137.508 % 280;
        var (r, g, b) = HslToRgb(hue, 0.55, 0.45);
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    /// <summary>The colour of cluster <paramref name="index"/> for ScottPlot.</summary>
    public static Color Of(int index) => Color.FromHex(Hex(index));

    /// <summary>The colours of clusters <c>0 … count − 1</c> as <c>#rrggbb</c>.</summary>
    public static string[] HexList(int count) => [.. Enumerable.Range(0, count).Select(Hex)];

    /// <summary>
    /// Indices of at most <paramref name="max"/> of <paramref name="count"/> rows, evenly spaced (deterministic);
    /// all rows when there are few enough.
    /// </summary>
    public static int[] Subsample(int count, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        int used = Math.Min(count, max);
        var indices = new int[used];
        for (int s = 0; s < used; s++)
            indices[s] = (int)((long)s * count / used);
        return indices;
    }

    private static (int R, int G, int B) HslToRgb(double hue, double saturation, double lightness)
    {
        double chroma = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        double h = hue / 60;
        double x = chroma * (1 - Math.Abs(h % 2 - 1));
        (double r, double g, double b) = (int)h switch
        {
            0 => (chroma, x, 0.0),
            1 => (x, chroma, 0.0),
            2 => (0.0, chroma, x),
            3 => (0.0, x, chroma),
            4 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        double m = lightness - chroma / 2;
        return ((int)Math.Round(255 * (r + m)), (int)Math.Round(255 * (g + m)), (int)Math.Round(255 * (b + m)));
    }
}
