namespace GpuKMeans.Data;

/// <summary>
/// Turns the input shapes of the public API (double spans, <c>[row, column]</c> arrays, jagged arrays) into
/// row-major float32, checking what only that shape can get wrong: a row of the wrong length, or a double that
/// float32 cannot hold. Non-finite values are left for <see cref="PointData.CheckPoints"/> to report.
/// </summary>
internal static class PointRows
{
    /// <summary>Row-major doubles, rounded to float.</summary>
    /// <exception cref="ArgumentException">A finite value is outside float32's range; the message names row and column.</exception>
    public static float[] ToFloat(ReadOnlySpan<double> values, int dimensions, string paramName)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = Narrow(values[i], i / Math.Max(1, dimensions), i % Math.Max(1, dimensions), paramName);
        return result;
    }

    /// <summary>A <c>[row, column]</c> array of doubles as row-major floats.</summary>
    /// <exception cref="ArgumentException">A finite value is outside float32's range.</exception>
    public static float[] ToFloat(double[,] values, string paramName)
    {
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var result = new float[values.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                result[i * columns + j] = Narrow(values[i, j], i, j, paramName);
        return result;
    }

    /// <summary>Jagged rows of <paramref name="dimensions"/> values each, as row-major floats.</summary>
    /// <exception cref="ArgumentException">A row is null or has another length (the message names it), or a value is outside float32's range.</exception>
    public static float[] ToFloat<T>(T[][] rows, int dimensions, string paramName)
        where T : struct, IConvertible
    {
        var result = new float[(long)rows.Length * dimensions];
        for (int i = 0; i < rows.Length; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"{paramName}[{i}] is null: every row needs {dimensions} values.", paramName);
            if (row.Length != dimensions)
                throw new ArgumentException(
                    $"{paramName}[{i}] has {row.Length} values but the model has {dimensions} features: every row needs {dimensions}.", paramName);
            for (int j = 0; j < dimensions; j++)
                result[(long)i * dimensions + j] = Narrow(row[j].ToDouble(null), i, j, paramName);
        }
        return result;
    }

    /// <summary>The number of columns of a <c>[row, column]</c> array, checked against the model's.</summary>
    /// <exception cref="ArgumentException">The column count differs.</exception>
    public static void CheckColumns(Array points, int dimensions, string paramName)
    {
        if (points.GetLength(1) != dimensions)
            throw new ArgumentException(
                $"{paramName} has {points.GetLength(1)} columns but the model was fitted on {dimensions}.", paramName);
    }

    private static float Narrow(double value, int row, int column, string paramName)
    {
        float narrow = (float)value;
        if (double.IsFinite(value) && !float.IsFinite(narrow))
            throw new ArgumentException(
                $"{paramName} has {value} at row {row}, column {column}, outside float32's range (±3.4E+38): rescale that feature first.",
                paramName);
        return narrow;
    }
}
