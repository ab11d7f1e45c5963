using System.Globalization;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// The value of <c>--columns</c>: comma-separated 0-based indices (<c>0,2,5</c>), inclusive ranges
/// (<c>1-3</c>) and header names (<c>x,y</c>), in the order given. Names need a header row.
/// </summary>
internal sealed class ColumnSelection
{
    private readonly List<(int? Index, int RangeEnd, string? Name)> _parts;

    private ColumnSelection(string text, List<(int?, int, string?)> parts)
    {
        Text = text;
        _parts = parts;
    }

    /// <summary>The text as the user gave it.</summary>
    public string Text { get; }

    /// <summary>Whether some part is a header name, so the file's first row must be a header.</summary>
    public bool UsesNames => _parts.Exists(p => p.Name is not null);

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="CliUsageException">An empty part, a negative index or a reversed range.</exception>
    public static ColumnSelection Parse(string text)
    {
        var parts = new List<(int?, int, string?)>();
        foreach (string raw in text.Split(','))
        {
            string part = raw.Trim();
            if (part.Length == 0)
                throw new CliUsageException($"--columns '{text}': empty column in the list (expected e.g. 0,2,5 or 1-3 or header names)");
            int dash = part.IndexOf('-', 1);
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                parts.Add((index, index, null));
            else if (dash > 0
                && int.TryParse(part.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int first)
                && int.TryParse(part.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int last))
            {
                if (last < first)
                    throw new CliUsageException($"--columns '{text}': the range {part} runs backwards");
                parts.Add((first, last, null));
            }
            else if (part.StartsWith('-'))
                throw new CliUsageException($"--columns '{text}': '{part}' is not a column: indices start at 0");
            else
                parts.Add((null, 0, part));
        }
        return new ColumnSelection(text, parts);
    }

    /// <summary>The 0-based file columns selected, for a file of <paramref name="fieldCount"/> columns and header <paramref name="header"/>.</summary>
    /// <exception cref="CliUsageException">An index past the last column, or a name the header does not have.</exception>
    public int[] Resolve(int fieldCount, IReadOnlyList<string>? header, string path)
    {
        var columns = new List<int>();
        foreach (var (index, rangeEnd, name) in _parts)
        {
            if (index is { } first)
            {
                if (rangeEnd >= fieldCount)
                    throw new CliUsageException(
                        $"--columns '{Text}': column {rangeEnd} does not exist: {path} has {fieldCount} column{(fieldCount == 1 ? "" : "s")} (0 to {fieldCount - 1})");
                for (int c = first; c <= rangeEnd; c++)
                    columns.Add(c);
                continue;
            }
            int found = header is null ? -1 : FindName(header, name!);
            if (found < 0)
                throw new CliUsageException(header is null
                    ? $"--columns '{Text}': '{name}' is not a column index and {path} has no header row to look names up in"
                    : $"--columns '{Text}': {path} has no column named '{name}' (its header: {string.Join(", ", header.Select(h => h.Trim()))})");
            columns.Add(found);
        }
        return [.. columns];
    }

    /// <summary>The shortest <c>--columns</c> text for <paramref name="columns"/>, runs written as ranges: <c>0-3,5</c>.</summary>
    public static string Format(IReadOnlyList<int> columns)
    {
        var parts = new List<string>();
        for (int i = 0; i < columns.Count;)
        {
            int j = i;
            while (j + 1 < columns.Count && columns[j + 1] == columns[j] + 1)
                j++;
            parts.Add(j == i ? $"{columns[i]}" : $"{columns[i]}-{columns[j]}");
            i = j + 1;
        }
        return string.Join(",", parts);
    }

    private static int FindName(IReadOnlyList<string> header, string name)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            var comparison = pass == 0 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            for (int i = 0; i < header.Count; i++)
                if (string.Equals(header[i].Trim(), name, comparison))
                    return i;
        }
        return -1;
    }
}
