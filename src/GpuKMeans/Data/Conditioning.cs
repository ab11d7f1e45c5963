namespace GpuKMeans.Data;

/// <summary>
/// How points are conditioned on upload so that float32 arithmetic keeps its precision: translated by their
/// weighted mean when they sit far from the origin relative to their spread (the expanded distance
/// ‖x‖² + ‖c‖² − 2x·c would otherwise cancel away the distances), and scaled by a power of two when their
/// magnitude would overflow or underflow float32 (exact: only the exponent changes). Ordinary data — centred-ish,
/// magnitudes between 2⁻³² and 2³² — are left exactly as they are.
/// </summary>
/// <remarks>
/// Conditioned value: <c>x' = (x − offset) · 2^Exponent</c>, computed in double and rounded once. Squared
/// distances and inertia scale by <c>2^(−2·Exponent)</c> on the way back; labels are unchanged.
/// </remarks>
internal sealed class Conditioning
{
    /// <summary>Translate when ‖mean‖² exceeds this many times the total variance (‖mean‖ &gt; 16 standard deviations).</summary>
    public const double TranslateRatio = 256;

    /// <summary>Scale when the largest conditioned magnitude is outside [2^−Range, 2^Range].</summary>
    public const int Range = 32;

    /// <summary>No change at all.</summary>
    public static readonly Conditioning None = new(null, 0);

    private Conditioning(double[]? offset, int exponent)
    {
        Offset = offset;
        Exponent = exponent;
    }

    /// <summary>The translation subtracted from every row, or null for none.</summary>
    public double[]? Offset { get; }

    /// <summary>The power of two the translated values are multiplied by.</summary>
    public int Exponent { get; }

    /// <summary>Whether this changes anything.</summary>
    public bool IsNone => Offset is null && Exponent == 0;

    /// <summary>The conditioning for row-major <paramref name="points"/> with optional weights (two passes in double).</summary>
    public static Conditioning Choose(ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights)
    {
        int n = points.Length / dimensions;
        var mean = new double[dimensions];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            total += w;
            for (int j = 0; j < dimensions; j++)
                mean[j] += w * points[i * dimensions + j];
        }
        if (!(total > 0))
            return None;
        double meanNorm = 0, variance = 0;
        for (int j = 0; j < dimensions; j++)
        {
            mean[j] /= total;
            meanNorm += mean[j] * mean[j];
        }
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            for (int j = 0; j < dimensions; j++)
            {
                double delta = points[i * dimensions + j] - mean[j];
                variance += w * delta * delta;
            }
        }
        variance /= total;
        double[]? offset = meanNorm > TranslateRatio * variance ? mean : null;

        double largest = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < dimensions; j++)
                largest = Math.Max(largest, Math.Abs(points[i * dimensions + j] - (offset?[j] ?? 0)));
        int exponent = largest > 0 && (largest > Math.ScaleB(1, Range) || largest < Math.ScaleB(1, -Range))
            ? -Math.ILogB(largest)
            : 0;
        return offset is null && exponent == 0 ? None : new Conditioning(offset, exponent);
    }

    /// <summary>Conditioned copies of row-major <paramref name="rows"/> (points or centroids).</summary>
    public float[] Apply(ReadOnlySpan<float> rows, int dimensions)
    {
        var result = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
            result[i] = (float)Math.ScaleB(rows[i] - (Offset?[i % dimensions] ?? 0), Exponent);
        return result;
    }

    /// <summary>Rows back in the caller's units: <c>x' · 2^−Exponent + offset</c>, rounded once to float.</summary>
    public float[] Restore(ReadOnlySpan<float> rows, int dimensions)
    {
        var result = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
            result[i] = (float)(Math.ScaleB(rows[i], -Exponent) + (Offset?[i % dimensions] ?? 0));
        return result;
    }

    /// <summary>A squared distance, inertia or squared shift back in the caller's units.</summary>
    public double RestoreSquared(double value) => Math.ScaleB(value, -2 * Exponent);

    /// <summary>A distance back in the caller's units.</summary>
    public float RestoreDistance(float value) => (float)Math.ScaleB(value, -Exponent);
}
