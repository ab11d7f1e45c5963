using System.Globalization;
using CsvHelper;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// Reads a comma-separated file of numbers with CsvHelper. The first row is a header when any of its cells is not a
/// number; empty (or blank) lines are skipped. Every problem is a <see cref="CliUsageException"/> whose message names
/// the file, the 1-based line and, for a cell, the 1-based column: <c>data.csv:5:2: 'abc' is not a number</c>.
/// </summary>
internal static class CsvMatrixReader
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="CliUsageException">The file is missing, unreadable, empty, ragged, or holds a cell that is not a finite number.</exception>
    public static CsvMatrix Read(string path)
    {
        if (!File.Exists(path))
            throw new CliUsageException($"file not found: {path}");
        try
        {
            return ReadExisting(path);
        }
        catch (CsvFormatException e)
        {
            string line = e.LineNumber > 0 ? $":{e.LineNumber}" : "";
            throw new CliUsageException($"{path}{line}: malformed CSV: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot read the file: {e.Message}");
        }
    }

    /// <summary>Whether <paramref name="cell"/> parses as a number (invariant culture, surrounding spaces allowed).</summary>
    public static bool IsNumber(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static CsvMatrix ReadExisting(string path)
    {
        using var csv = CsvReader.FromFile(path, Options);
        var values = new List<float>();
        var lines = new List<int>();
        var cells = new List<string>();
        string[]? header = null;
        int columns = -1;
        while (csv.Read())
        {
            int line = checked((int)csv.LineNumber);
            cells.Clear();
            for (int i = 0; i < csv.FieldCount; i++)
                cells.Add(csv.GetString(i));
            if (cells.TrueForAll(string.IsNullOrWhiteSpace))
                continue;

            if (columns < 0)
            {
                columns = cells.Count;
                if (!cells.TrueForAll(IsNumber))
                {
                    header = [.. cells];
                    continue;
                }
            }
            if (cells.Count != columns)
                throw new CliUsageException($"{path}:{line}: expected {columns} columns, found {cells.Count}");
            for (int i = 0; i < cells.Count; i++)
                values.Add(ParseCell(path, line, i + 1, cells[i]));
            lines.Add(line);
        }

        if (lines.Count == 0)
            throw new CliUsageException(header is null
                ? $"{path}: the file is empty: expected rows of comma-separated numbers"
                : $"{path}: the file has a header row but no rows of numbers");
        return new CsvMatrix(path, [.. values], columns, header, [.. lines]);
    }

    private static float ParseCell(string path, int line, int column, string cell)
    {
        string where = $"{path}:{line}:{column}";
        if (string.IsNullOrWhiteSpace(cell))
            throw new CliUsageException($"{where}: empty cell, expected a number");
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new CliUsageException($"{where}: '{cell.Trim()}' is not a number");
        float single = (float)value;
        if (!float.IsFinite(single))
            throw new CliUsageException(double.IsFinite(value)
                ? $"{where}: '{cell.Trim()}' is too large for a 32-bit float"
                : $"{where}: '{cell.Trim()}' is not a finite number: k-means needs finite values (drop or impute missing ones first)");
        return single;
    }
}
