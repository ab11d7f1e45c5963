using System.Collections.Immutable;

namespace GpuKMeans;

/// <summary>
/// A per-feature affine map <c>x' = (x − offset) / scale</c> that was applied to the data before a fit (for example
/// scikit-learn's <c>StandardScaler</c>: offset = mean, scale = standard deviation). A <see cref="KMeansModel"/>
/// that carries one applies it to new points before predicting, so callers pass data in the original units.
/// Immutable; values are computed in double and rounded to float once.
/// </summary>
public sealed class FeatureScaling
{
    /// <summary>Creates a scaling of <c>d</c> features.</summary>
    /// <param name="method">A name for the method, such as <c>standard</c> or <c>minmax</c> (informational; saved with the model).</param>
    /// <param name="offsets">The value subtracted from each feature (<c>d</c> finite values).</param>
    /// <param name="scales">The value each feature is divided by after the subtraction (<c>d</c> finite, positive values).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or are zero, an offset is not finite or a scale is not finite and positive; the message names the feature.</exception>
    public FeatureScaling(string method, IEnumerable<double> offsets, IEnumerable<double> scales)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(scales);
        Method = method;
        Offsets = [.. offsets];
        Scales = [.. scales];
        if (Offsets.IsEmpty)
            throw new ArgumentException("offsets is empty: give one offset per feature.", nameof(offsets));
        if (Scales.Length != Offsets.Length)
            throw new ArgumentException(
                $"scales has {Scales.Length} values but offsets has {Offsets.Length}: give one of each per feature.", nameof(scales));
        for (int j = 0; j < Offsets.Length; j++)
        {
            if (!double.IsFinite(Offsets[j]))
                throw new ArgumentException($"offsets has {Offsets[j]} at feature {j}: offsets must be finite.", nameof(offsets));
            if (!(Scales[j] > 0) || !double.IsFinite(Scales[j]))
                throw new ArgumentException($"scales has {Scales[j]} at feature {j}: scales must be finite and positive.", nameof(scales));
        }
    }

    /// <summary>The method's name, such as <c>standard</c> or <c>minmax</c>.</summary>
    public string Method { get; }

    /// <summary>The value subtracted from each feature.</summary>
    public ImmutableArray<double> Offsets { get; }

    /// <summary>The value each feature is divided by after the subtraction.</summary>
    public ImmutableArray<double> Scales { get; }

    /// <summary>Number of features <c>d</c>.</summary>
    public int Dimensions => Offsets.Length;

    /// <summary>Scales row-major <paramref name="values"/> (<see cref="Dimensions"/> per row) in place.</summary>
    public void ApplyInPlace(Span<float> values)
    {
        int d = Dimensions;
        for (int row = 0; row + d <= values.Length; row += d)
            for (int j = 0; j < d; j++)
                values[row + j] = (float)((values[row + j] - Offsets[j]) / Scales[j]);
    }

    /// <summary>A scaled copy of row-major <paramref name="values"/> (<see cref="Dimensions"/> per row).</summary>
    public float[] Apply(ReadOnlySpan<float> values)
    {
        float[] copy = values.ToArray();
        ApplyInPlace(copy);
        return copy;
    }

    /// <summary>Row-major scaled <paramref name="values"/> (such as centroids) mapped back to the original units.</summary>
    public float[] Invert(ReadOnlySpan<float> values)
    {
        var original = new float[values.Length];
        int d = Dimensions;
        for (int i = 0; i < values.Length; i++)
            original[i] = (float)(values[i] * Scales[i % d] + Offsets[i % d]);
        return original;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} scaling of {Dimensions} features";
}
