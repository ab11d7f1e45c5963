namespace GpuKMeans.Cli.Scaling;

/// <summary>
/// A per-column affine map <c>x' = (x − offset) / scale</c> fitted on the data, and its inverse for centroids.
/// Standard: offset = mean, scale = population standard deviation; min-max: offset = minimum, scale = maximum −
/// minimum. A constant column keeps scale 1: it is only centred (standard) or shifted to 0 (min-max).
/// Statistics are summed in double.
/// </summary>
internal sealed class FeatureScaler
{
    /// <summary>The <c>--scale</c> values.</summary>
    public static readonly string[] Names = ["none", "standard", "minmax"];

    private FeatureScaler(ScaleMethod method, double[] offset, double[] scale)
    {
        Method = method;
        Columns = offset.Length;
        Scaling = method == ScaleMethod.None ? null : new FeatureScaling(Names[(int)method], offset, scale);
    }

    /// <summary>The method this scaler applies.</summary>
    public ScaleMethod Method { get; }

    /// <summary>The library's form of this scaler, saved with a model; null for <see cref="ScaleMethod.None"/>.</summary>
    public FeatureScaling? Scaling { get; }

    /// <summary>The <c>--scale</c> name of <see cref="Method"/>.</summary>
    public string Name => Names[(int)Method];

    /// <summary>Number of columns the scaler was fitted on.</summary>
    public int Columns { get; }

    /// <summary>The original-unit value of a scaled value of <paramref name="column"/>: <c>x·scale + offset</c>.</summary>
    public double Unscale(int column, double value) => Method == ScaleMethod.None ? value : value * Scaling!.Scales[column] + Scaling.Offsets[column];

    /// <summary>How many original units one scaled unit of <paramref name="column"/> is (1 without scaling).</summary>
    public double UnitOf(int column) => Method == ScaleMethod.None ? 1.0 : Scaling!.Scales[column];

    /// <summary>Maps a <c>--scale</c> value (any case) to the enum.</summary>
    /// <exception cref="CliUsageException">The value is not one of <see cref="Names"/>.</exception>
    public static ScaleMethod Parse(string value) => value.ToLowerInvariant() switch
    {
        "none" => ScaleMethod.None,
        "standard" => ScaleMethod.Standard,
        "minmax" or "min-max" => ScaleMethod.MinMax,
        _ => throw new CliUsageException($"--scale: '{value}' is not one of {string.Join(", ", Names)}"),
    };

    /// <summary>Fits <paramref name="method"/> on row-major <paramref name="values"/> of <paramref name="columns"/> columns.</summary>
    public static FeatureScaler Fit(ScaleMethod method, ReadOnlySpan<float> values, int columns)
    {
        var offset = new double[columns];
        var scale = new double[columns];
        Array.Fill(scale, 1.0);
        int rows = values.Length / columns;
        if (method == ScaleMethod.Standard && rows > 0)
        {
            for (int row = 0; row < values.Length; row += columns)
                for (int j = 0; j < columns; j++)
                    offset[j] += values[row + j];
            for (int j = 0; j < columns; j++)
                offset[j] /= rows;
            var squares = new double[columns];
            for (int row = 0; row < values.Length; row += columns)
                for (int j = 0; j < columns; j++)
                {
                    double delta = values[row + j] - offset[j];
                    squares[j] += delta * delta;
                }
            for (int j = 0; j < columns; j++)
                scale[j] = NonZero(Math.Sqrt(squares[j] / rows));
        }
        else if (method == ScaleMethod.MinMax && rows > 0)
        {
            var max = new double[columns];
            Array.Fill(offset, double.PositiveInfinity);
            Array.Fill(max, double.NegativeInfinity);
            for (int row = 0; row < values.Length; row += columns)
                for (int j = 0; j < columns; j++)
                {
                    offset[j] = Math.Min(offset[j], values[row + j]);
                    max[j] = Math.Max(max[j], values[row + j]);
                }
            for (int j = 0; j < columns; j++)
                scale[j] = NonZero(max[j] - offset[j]);
        }
        return new FeatureScaler(method, offset, scale);
    }

    /// <summary>Scales row-major <paramref name="values"/> in place (nothing for <see cref="ScaleMethod.None"/>).</summary>
    public void Apply(Span<float> values) => Scaling?.ApplyInPlace(values);

    /// <summary>A scaled copy of row-major <paramref name="values"/>, such as initial centroids in original units.</summary>
    public float[] Transform(ReadOnlySpan<float> values) => Scaling?.Apply(values) ?? values.ToArray();

    /// <summary>Row-major <paramref name="values"/> (centroids found on scaled data) mapped back to the original units.</summary>
    public float[] Invert(ReadOnlySpan<float> values) => Scaling?.Invert(values) ?? values.ToArray();

    private static double NonZero(double scale) => scale > 0 && double.IsFinite(scale) ? scale : 1.0;
}
