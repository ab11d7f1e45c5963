using GpuKMeans.Cli.Output;
using GpuKMeans.Cli.Scaling;

namespace GpuKMeans.Cli.Plots;

/// <summary>
/// What the pictures need to know about the features a fit ran on: their names (<see cref="FeatureNames"/>) and, after
/// <c>--scale</c>, the map from the fitted (scaled) units back to the original ones, so that plots of one or two
/// features are drawn in the units the summary prints.
/// </summary>
internal sealed class FeatureSpace
{
    private readonly FeatureScaler? _scaler;

    private FeatureSpace(string[] names, FeatureScaler? scaler)
    {
        Names = names;
        _scaler = scaler is { Method: not ScaleMethod.None } ? scaler : null;
    }

    /// <summary>One name per feature.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The <c>--scale</c> name when the fit ran on scaled features (<c>"standard"</c>, <c>"minmax"</c>), else <c>null</c>.</summary>
    public string? ScaleName => _scaler?.Name;

    /// <summary>Features <c>x0 … x{d−1}</c>, not scaled.</summary>
    public static FeatureSpace Plain(int dimensions) => new(FeatureNames.Of(null, dimensions), null);

    /// <summary>The features of a fit: names from <paramref name="header"/> (or <c>x0…</c>) and the <paramref name="scaler"/> it applied.</summary>
    public static FeatureSpace Of(IReadOnlyList<string>? header, int dimensions, FeatureScaler? scaler = null) =>
        new(FeatureNames.Of(header, dimensions), scaler);

    /// <summary>The original-unit value of fitted value <paramref name="value"/> of feature <paramref name="column"/>.</summary>
    public double ToOriginal(int column, double value) => _scaler?.Unscale(column, value) ?? value;

    /// <summary>How many original units one fitted unit of feature <paramref name="column"/> is (1 without scaling).</summary>
    public double UnitOf(int column) => _scaler?.UnitOf(column) ?? 1.0;
}
