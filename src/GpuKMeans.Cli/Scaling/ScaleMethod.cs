namespace GpuKMeans.Cli.Scaling;

/// <summary>How features are scaled before a fit (<c>--scale</c>).</summary>
internal enum ScaleMethod
{
    /// <summary>The data as it is.</summary>
    None,

    /// <summary>Minus the column mean, divided by the population standard deviation (scikit-learn's <c>StandardScaler</c>).</summary>
    Standard,

    /// <summary>Minus the column minimum, divided by the range: every column in [0, 1] (scikit-learn's <c>MinMaxScaler</c>).</summary>
    MinMax,
}
