namespace GpuKMeans.Cli.Output;

/// <summary>
/// The one naming of feature columns used by every table, plot and report: the header's names (as selected by
/// <c>--columns</c>), else <c>x0 … x{d−1}</c>, numbered from 0 like <c>--columns</c>.
/// </summary>
internal static class FeatureNames
{
    /// <summary>
    /// The names of <paramref name="dimensions"/> columns: <paramref name="header"/>'s (trimmed) where present and not
    /// blank, else <c>x{j}</c>.
    /// </summary>
    public static string[] Of(IReadOnlyList<string>? header, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        var names = new string[dimensions];
        for (int j = 0; j < dimensions; j++)
            names[j] = header is { } given && j < given.Count && given[j].Trim().Length > 0 ? given[j].Trim() : $"x{j}";
        return names;
    }
}
