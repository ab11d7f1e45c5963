using System.Globalization;
using System.Text;
using CsvHelper;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// Reads delimited text with CsvHelper, streaming: every record is parsed from its UTF-8 bytes straight into a
/// growing float buffer, so no string is built per cell or for the whole file. The first non-blank record is a
/// header when any of its (selected) cells is not a number, or when <c>--columns</c> names columns; blank lines
/// are skipped. Every problem is a <see cref="CliUsageException"/> naming the file, the 1-based line and, for a
/// cell, the 1-based column of the file: <c>data.csv:5:2: 'abc' is not a number</c>.
/// </summary>
internal static class CsvPointReader
{
    /// <summary>Records between two progress reports.</summary>
    private const int ReportEvery = 1 << 14;

    /// <summary>Reads <paramref name="path"/> (which exists) with separator <paramref name="delimiter"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="delimiter">The field separator.</param>
    /// <param name="selection">The columns to keep, or <c>null</c> for all.</param>
    /// <param name="reportBytes">Called now and then with the number of bytes read so far, or <c>null</c>.</param>
    /// <exception cref="CliUsageException">Malformed, empty, ragged, or a cell that is not a finite float32.</exception>
    public static PointMatrix Read(string path, char delimiter, ColumnSelection? selection, Action<long>? reportBytes)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = delimiter,
            HasHeader = false,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        try
        {
            using var csv = CsvReader.FromFile(path, options);
            return ReadRecords(csv, path, delimiter, selection, reportBytes);
        }
        catch (CsvFormatException e)
        {
            string line = e.LineNumber > 0 ? $":{e.LineNumber}" : "";
            throw new CliUsageException($"{path}{line}: malformed CSV: {e.Message}");
        }
    }

    /// <summary>
    /// Whether <paramref name="cell"/> parses as a number (invariant culture, surrounding spaces allowed) or spells
    /// infinity or NaN (<c>-inf</c>), so that a first row holding one is data, rejected as not finite, not a header.
    /// </summary>
    public static bool IsNumber(ReadOnlySpan<byte> cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || IsNonFiniteWord(Encoding.UTF8.GetString(cell).Trim(' ', '\t'));

    private static PointMatrix ReadRecords(CsvReader csv, string path, char delimiter, ColumnSelection? selection, Action<long>? reportBytes)
    {
        var values = new FloatBuffer();
        string[]? header = null;
        int[]? columns = null;
        int fieldCount = -1;
        int firstLine = 0;
        long records = 0;
        while (csv.Read())
        {
            int line = checked((int)csv.LineNumber);
            if (IsBlank(csv))
                continue;
            if (reportBytes is not null && ++records % ReportEvery == 0)
                reportBytes(csv.ByteOffset);

            if (fieldCount < 0)
            {
                fieldCount = csv.FieldCount;
                string[] cells = [.. Enumerable.Range(0, fieldCount).Select(csv.GetString)];
                if (selection is { UsesNames: true })
                {
                    // Names need a header: a first row of numbers only has none (Resolve then says so).
                    bool allNumbers = Enumerable.Range(0, fieldCount).All(c => IsNumber(csv.GetSpan(c)));
                    header = allNumbers ? null : cells;
                    columns = selection.Resolve(fieldCount, header, path);
                    continue;
                }
                columns = selection?.Resolve(fieldCount, null, path) ?? [.. Enumerable.Range(0, fieldCount)];
                if (!columns.All(c => IsNumber(csv.GetSpan(c))))
                {
                    header = cells;
                    continue;
                }
            }
            if (csv.FieldCount != fieldCount)
                throw new CliUsageException($"{path}:{line}: expected {fieldCount} columns, found {csv.FieldCount}");
            foreach (int c in columns!)
                values.Add(ParseCell(path, line, c + 1, csv.GetSpan(c), delimiter, columns));
            if (firstLine == 0)
                firstLine = line;
        }

        if (firstLine == 0)
            throw new CliUsageException(header is null
                ? $"{path}: the file is empty: expected rows of numbers separated by {Describe(delimiter)}"
                : $"{path}: the file has a header row but no rows of numbers");
        IReadOnlyList<string>? names = header is null ? null : [.. columns!.Select(c => header[c])];
        return new PointMatrix(path, InputFormat.Csv, values.ToArray(), columns!.Length, names, $"{path}:{firstLine}");
    }

    private static bool IsBlank(CsvReader csv)
    {
        for (int i = 0; i < csv.FieldCount; i++)
        {
            foreach (byte b in csv.GetSpan(i))
                if (b is not ((byte)' ' or (byte)'\t'))
                    return false;
        }
        return true;
    }

    private static float ParseCell(string path, int line, int column, ReadOnlySpan<byte> cell, char delimiter, int[] columns)
    {
        if (IsDecimal(cell) && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            float single = (float)value;
            if (float.IsFinite(single))
                return single;
        }
        return Fail(path, line, column, cell, delimiter, columns);
    }

    /// <summary>
    /// Whether <paramref name="cell"/>, less surrounding spaces and tabs, holds only the characters of a decimal
    /// number (digits, sign, point, exponent): .NET's parser would also take trailing NUL characters.
    /// </summary>
    private static bool IsDecimal(ReadOnlySpan<byte> cell)
    {
        foreach (byte b in cell.Trim(" \t"u8))
            if (b is not ((>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'-' or (byte)'.' or (byte)'e' or (byte)'E'))
                return false;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> spells infinity or NaN, signed or not, in any case (<c>-inf</c>, <c>NaN</c>).</summary>
    private static bool IsNonFiniteWord(string text)
    {
        string word = text.TrimStart('+', '-');
        return word.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || word.Equals("infinity", StringComparison.OrdinalIgnoreCase)
            || word.Equals("nan", StringComparison.OrdinalIgnoreCase)
            || word == "∞";
    }

    private static float Fail(string path, int line, int column, ReadOnlySpan<byte> cell, char delimiter, int[] columns)
    {
        string where = $"{path}:{line}:{column}";
        string text = Encoding.UTF8.GetString(cell).Trim(' ', '\t');
        if (text.Length == 0)
            throw new CliUsageException($"{where}: empty cell, expected a number");
        if (IsNonFiniteWord(text))
            throw new CliUsageException(
                $"{where}: '{text}' is not a finite number: k-means needs finite values (drop or impute missing ones first)");
        if (!IsDecimal(cell) || !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new CliUsageException($"{where}: '{Printable(text)}' is not a number{NotANumberHint(text, delimiter, column - 1, columns)}");
        throw new CliUsageException($"{where}: '{text}' is too large for a 32-bit float");
    }

    /// <summary>
    /// What to do about a cell that is not a number: numbers joined by another separator (<c>3;4</c>) ask for
    /// <c>--delimiter</c>; text (<c>setosa</c>) asks for <c>--columns</c> without that column (0-based <paramref name="column"/>).
    /// </summary>
    private static string NotANumberHint(string text, char delimiter, int column, int[] columns)
    {
        foreach (char separator in ";\t|, ")
        {
            string[] parts = text.Split(separator, StringSplitOptions.TrimEntries);
            if (separator != delimiter && parts.Length > 1 && parts.All(p => IsNumber(Encoding.UTF8.GetBytes(p))))
                return $": the values look separated by {Describe(separator)}, not {Describe(delimiter)}: add --delimiter {OptionValue(separator)}";
        }
        if (!text.Any(char.IsLetter))
            return "";
        int[] others = [.. columns.Where(c => c != column)];
        return others.Length == 0
            ? ": it is the only column read, and k-means needs numbers"
            : $": to leave that column out, choose the numeric ones with --columns {ColumnSelection.Format(others)} (0-based)";
    }

    private static string OptionValue(char separator) => separator switch
    {
        '\t' => "tab",
        ' ' => "space",
        _ => $"'{separator}'",
    };

    /// <summary><paramref name="text"/> with control characters written as <c>\u0000</c>, so a message stays one readable line.</summary>
    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private static string Describe(char delimiter) => delimiter switch
    {
        '\t' => "tabs",
        ' ' => "spaces",
        _ => $"'{delimiter}'",
    };
}
