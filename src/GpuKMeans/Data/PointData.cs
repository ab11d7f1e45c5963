using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GpuKMeans.Data;

/// <summary>Checks of user data at the public boundary; every message names the parameter and the offending row or value.</summary>
internal static class PointData
{
    /// <summary>The values of a <c>[row, column]</c> array as one row-major span, without a copy.</summary>
    public static ReadOnlySpan<float> AsSpan(float[,] matrix) =>
        matrix.Length == 0
            ? ReadOnlySpan<float>.Empty
            : MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);

    /// <summary>Validates row-major points and returns their row count.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The data is empty, ragged, or holds NaN or ±∞.</exception>
    public static int CheckPoints(ReadOnlySpan<float> points, int dimensions, string paramName)
    {
        if (dimensions <= 0)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"dimensions must be at least 1, got {dimensions}.");
        if (points.IsEmpty)
            throw new ArgumentException($"{paramName} is empty: k-means needs at least one point.", paramName);
        if (points.Length % dimensions != 0)
            throw new ArgumentException(
                $"{paramName} has {points.Length} values, which is not a multiple of dimensions={dimensions}.", paramName);
        CheckFinite(points, dimensions, paramName, "row");
        return points.Length / dimensions;
    }

    /// <summary>Throws if any value is NaN or ±∞, naming its row (or <paramref name="rowWord"/>) and column.</summary>
    public static void CheckFinite(ReadOnlySpan<float> values, int dimensions, string paramName, string rowWord)
    {
        int bad = IndexOfNonFinite(values);
        if (bad >= 0)
            throw new ArgumentException(
                $"{paramName} contains {values[bad]} at {rowWord} {bad / dimensions}, column {bad % dimensions}: " +
                "k-means needs finite values (drop or impute missing ones first).", paramName);
    }

    /// <summary>Validates every chunk of a source (finite values), naming the row and column of the first bad value.</summary>
    /// <exception cref="ArgumentException">The source is empty or holds NaN or ±∞.</exception>
    public static void CheckSource(IPointSource source, string paramName)
    {
        if (source.Count == 0)
            throw new ArgumentException($"{paramName} is empty: k-means needs at least one point.", paramName);
        int d = source.Dimensions;
        PointChunks.ForEach(source, (first, rows) =>
        {
            int bad = IndexOfNonFinite(rows);
            if (bad >= 0)
                throw new ArgumentException(
                    $"{paramName} contains {rows[bad]} at row {first + bad / d}, column {bad % d}: " +
                    "k-means needs finite values (drop or impute missing ones first).", paramName);
        });
    }

    /// <summary>Validates sample weights: one per point, finite, non-negative, not all zero.</summary>
    /// <exception cref="ArgumentException">The weights do not match the points or are not usable.</exception>
    public static void CheckWeights(ReadOnlySpan<float> weights, int pointCount, string paramName)
    {
        if (weights.IsEmpty)
            return;
        if (weights.Length != pointCount)
            throw new ArgumentException(
                $"{paramName} has {weights.Length} values but there are {pointCount} points: give one weight per point.", paramName);
        double total = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            float w = weights[i];
            if (!float.IsFinite(w) || w < 0)
                throw new ArgumentException($"{paramName} has {w} at row {i}: weights must be finite and non-negative.", paramName);
            total += w;
        }
        if (total <= 0)
            throw new ArgumentException($"{paramName} are all zero: at least one point must have a positive weight.", paramName);
    }

    /// <summary>Index of the first NaN or ±∞, or −1. x − x is 0 for every finite x and NaN otherwise.</summary>
    private static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        int i = 0;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            ref float start = ref MemoryMarshal.GetReference(values);
            for (; i + 8 <= values.Length; i += 8)
            {
                var v = System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref start, (nuint)i);
                var zero = v - v;
                if (!System.Runtime.Intrinsics.Vector256.EqualsAll(zero, System.Runtime.Intrinsics.Vector256<float>.Zero))
                    break;
            }
        }
        for (; i < values.Length; i++)
            if (!float.IsFinite(values[i]))
                return i;
        return -1;
    }
}
