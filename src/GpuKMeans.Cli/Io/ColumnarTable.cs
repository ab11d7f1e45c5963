namespace GpuKMeans.Cli.Io;

/// <summary>
/// What Parquet and Arrow input share: named, typed columns read a chunk (row group or record batch) at a time.
/// It picks the columns (<c>--columns</c> by name or index, default all), refuses non-numeric ones by name before
/// any data is read, and lays each chunk's columns out row-major as float32, refusing nulls and non-finite values
/// with the row (0-based, counted over the whole file) and the column's name.
/// </summary>
internal static class ColumnarTable
{
    /// <summary>Resolves the columns to read: every column, or those <paramref name="selection"/> names or numbers.</summary>
    /// <param name="path">The file, for messages.</param>
    /// <param name="fields">Every column of the file: its name, its type as the format spells it, and whether it holds numbers.</param>
    /// <param name="selection">The <c>--columns</c> list, or <c>null</c> for all.</param>
    /// <returns>The 0-based indices of the selected columns, in the order asked for.</returns>
    /// <exception cref="CliUsageException">No columns, an unknown name or index, or a selected column that is not numeric.</exception>
    public static int[] Select(string path, IReadOnlyList<(string Name, string Type, bool Numeric)> fields, ColumnSelection? selection)
    {
        if (fields.Count == 0)
            throw new CliUsageException($"{path}: the file has no columns");
        string[] names = [.. fields.Select(f => f.Name)];
        int[] columns = selection?.Resolve(fields.Count, names, path) ?? [.. Enumerable.Range(0, fields.Count)];
        foreach (int c in columns)
        {
            if (fields[c].Numeric)
                continue;
            string numeric = string.Join(",", fields.Where(f => f.Numeric).Select(f => f.Name));
            string hint = numeric.Length == 0
                ? "the file has no numeric column"
                : $"choose numeric columns with --columns (e.g. --columns {numeric})";
            throw new CliUsageException($"{path}: column '{fields[c].Name}' ({c}) holds {fields[c].Type}, not numbers: {hint}");
        }
        return columns;
    }

    /// <summary>
    /// Appends one chunk to <paramref name="values"/> row-major: row <c>i</c> is <c>columns[0][i], columns[1][i], …</c>.
    /// </summary>
    /// <param name="values">Where the points go.</param>
    /// <param name="path">The file, for messages.</param>
    /// <param name="firstRow">The 0-based row of the chunk's first row within the file.</param>
    /// <param name="names">The names of <paramref name="columns"/>, for messages.</param>
    /// <param name="columns">The chunk's selected columns, all of the same length.</param>
    /// <exception cref="CliUsageException">A null, NaN or ±∞, or a value too large for float32; the message names row and column.</exception>
    public static void Append(FloatBuffer values, string path, long firstRow, IReadOnlyList<string> names, IReadOnlyList<ColumnChunk> columns)
    {
        int rows = columns[0].Values.Length;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns.Count; j++)
            {
                var column = columns[j];
                double value = column.Values[i];
                float single = (float)value;
                if (float.IsFinite(single) && column.Nulls?[i] != true)
                {
                    values.Add(single);
                    continue;
                }
                string where = $"{path}: row {firstRow + i} (0-based), column '{names[j]}'";
                if (column.Nulls?[i] == true)
                    throw new CliUsageException($"{where}: null: k-means needs a number in every cell (drop or impute missing values first)");
                throw new CliUsageException(double.IsFinite(value)
                    ? $"{where}: {value:R} is too large for a 32-bit float"
                    : $"{where}: {value} is not a finite number: k-means needs finite values (drop or impute missing ones first)");
            }
        }
    }

    /// <summary>The matrix of everything appended, or the error of a file without rows.</summary>
    /// <exception cref="CliUsageException">The file has no rows.</exception>
    public static PointMatrix ToMatrix(string path, InputFormat format, FloatBuffer values, IReadOnlyList<string> names)
    {
        if (values.Count == 0)
            throw new CliUsageException($"{path}: the file has columns ({string.Join(", ", names)}) but no rows");
        return new PointMatrix(path, format, values.ToArray(), names.Count, names, path);
    }
}
