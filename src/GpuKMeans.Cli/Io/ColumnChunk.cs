using System.Numerics;

namespace GpuKMeans.Cli.Io;

/// <summary>One column of one chunk (a Parquet row group or an Arrow record batch), converted to double.</summary>
/// <param name="Values">The values; a null's slot holds 0.</param>
/// <param name="Nulls">Which values are null, or <c>null</c> when none is.</param>
internal sealed record ColumnChunk(double[] Values, bool[]? Nulls)
{
    /// <summary>The numbers of <paramref name="values"/>, with <paramref name="isNull"/> marking nulls (or <c>null</c>: none).</summary>
    public static ColumnChunk Of<T>(ReadOnlySpan<T> values, Func<int, bool>? isNull = null) where T : INumberBase<T>
    {
        var doubles = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            doubles[i] = double.CreateSaturating(values[i]);
        bool[]? nulls = isNull is null ? null : [.. Enumerable.Range(0, values.Length).Select(isNull)];
        return new ColumnChunk(doubles, nulls is not null && Array.IndexOf(nulls, true) >= 0 ? nulls : null);
    }

    /// <summary>The numbers of <paramref name="values"/>, a <c>null</c> entry marked as null.</summary>
    public static ColumnChunk OfNullable<T>(ReadOnlySpan<T?> values) where T : struct, INumberBase<T>
    {
        var doubles = new double[values.Length];
        bool[]? nulls = null;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
                doubles[i] = double.CreateSaturating(value);
            else
                (nulls ??= new bool[values.Length])[i] = true;
        }
        return new ColumnChunk(doubles, nulls);
    }
}
