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

    /// <summary>The conditioning with these parts (one chosen elsewhere and sent here, e.g. to a remote shard of the same data).</summary>
    public static Conditioning Of(double[]? offset, int exponent) =>
        offset is null && exponent == 0 ? None : new Conditioning(offset, exponent);

    /// <summary>Whether this changes anything.</summary>
    public bool IsNone => Offset is null && Exponent == 0;

    /// <summary>The conditioning for row-major <paramref name="points"/> with optional weights (two passes in double).</summary>
    public static Conditioning Choose(ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights)
    {
        var statistics = new Statistics(dimensions);
        statistics.AddToMean(points, weights);
        statistics.FinishMean();
        statistics.AddToSpread(points, weights);
        return statistics.Choose();
    }

    /// <summary>The same choice over a source read chunk by chunk: the same passes, the same order of sums, the same bits.</summary>
    public static Conditioning Choose(IPointSource source, ReadOnlySpan<float> weights)
    {
        var statistics = new Statistics(source.Dimensions);
        var all = weights.ToArray();
        PointChunks.ForEach(source, (first, rows) => statistics.AddToMean(rows, Slice(all, first, rows.Length / source.Dimensions)));
        statistics.FinishMean();
        PointChunks.ForEach(source, (first, rows) => statistics.AddToSpread(rows, Slice(all, first, rows.Length / source.Dimensions)));
        return statistics.Choose();
    }

    private static ReadOnlySpan<float> Slice(float[] weights, int first, int rows) =>
        weights.Length == 0 ? default : weights.AsSpan(first, rows);

    /// <summary>
    /// The weighted mean (first pass), then the weighted variance about it and the largest magnitudes about the
    /// mean and about 0 (second pass), accumulated row by row in order whatever the chunking.
    /// </summary>
    private sealed class Statistics(int dimensions)
    {
        private readonly double[] _mean = new double[dimensions];
        private double _total;
        private double _meanNorm;
        private double _variance;
        private double _largestAboutMean;
        private double _largestAboutZero;

        public void AddToMean(ReadOnlySpan<float> points, ReadOnlySpan<float> weights)
        {
            int n = points.Length / dimensions;
            for (int i = 0; i < n; i++)
            {
                double w = weights.IsEmpty ? 1 : weights[i];
                _total += w;
                for (int j = 0; j < dimensions; j++)
                    _mean[j] += w * points[i * dimensions + j];
            }
        }

        public void FinishMean()
        {
            if (!(_total > 0))
                return;
            for (int j = 0; j < dimensions; j++)
            {
                _mean[j] /= _total;
                _meanNorm += _mean[j] * _mean[j];
            }
        }

        public void AddToSpread(ReadOnlySpan<float> points, ReadOnlySpan<float> weights)
        {
            int n = points.Length / dimensions;
            for (int i = 0; i < n; i++)
            {
                double w = weights.IsEmpty ? 1 : weights[i];
                for (int j = 0; j < dimensions; j++)
                {
                    double value = points[i * dimensions + j];
                    double delta = value - _mean[j];
                    _variance += w * delta * delta;
                    _largestAboutMean = Math.Max(_largestAboutMean, Math.Abs(delta));
                    _largestAboutZero = Math.Max(_largestAboutZero, Math.Abs(value));
                }
            }
        }

        public Conditioning Choose()
        {
            if (!(_total > 0))
                return None;
            double variance = _variance / _total;
            double[]? offset = _meanNorm > TranslateRatio * variance ? _mean : null;
            double largest = offset is null ? _largestAboutZero : _largestAboutMean;
            int exponent = largest > 0 && (largest > Math.ScaleB(1, Range) || largest < Math.ScaleB(1, -Range))
                ? -Math.ILogB(largest)
                : 0;
            return offset is null && exponent == 0 ? None : new Conditioning(offset, exponent);
        }
    }

    /// <summary>Conditioned copies of row-major <paramref name="rows"/> (points or centroids).</summary>
    public float[] Apply(ReadOnlySpan<float> rows, int dimensions)
    {
        var result = new float[rows.Length];
        ApplyInto(rows, dimensions, result);
        return result;
    }

    /// <summary>Conditions row-major <paramref name="rows"/> into <paramref name="destination"/> (which may be the same memory).</summary>
    public void ApplyInto(ReadOnlySpan<float> rows, int dimensions, Span<float> destination)
    {
        for (int i = 0; i < rows.Length; i++)
            destination[i] = (float)Math.ScaleB(rows[i] - (Offset?[i % dimensions] ?? 0), Exponent);
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
