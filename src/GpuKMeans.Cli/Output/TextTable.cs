namespace GpuKMeans.Cli.Output;

/// <summary>Writes rows of cells as right-aligned columns under a header, indented by two spaces.</summary>
internal static class TextTable
{
    /// <summary>Writes <paramref name="header"/> and <paramref name="rows"/>; every row has the header's length.</summary>
    /// <exception cref="ArgumentException">A row has a different number of cells than the header.</exception>
    public static void Write(TextWriter output, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
                throw new ArgumentException($"A row has {row.Count} cells, the header {header.Count}.", nameof(rows));
            for (int c = 0; c < row.Count; c++)
                widths[c] = Math.Max(widths[c], row[c].Length);
        }

        WriteRow(output, header, widths);
        foreach (var row in rows)
            WriteRow(output, row, widths);
    }

    /// <summary>Writes "label  value" lines with the labels padded to the same width.</summary>
    public static void WriteFields(TextWriter output, IReadOnlyList<(string Label, string Value)> fields)
    {
        int width = fields.Count == 0 ? 0 : fields.Max(f => f.Label.Length);
        foreach (var (label, value) in fields)
            output.WriteLine($"{label.PadRight(width)}  {value}");
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> cells, int[] widths)
    {
        output.Write(' ');
        for (int c = 0; c < cells.Count; c++)
        {
            output.Write("  ");
            output.Write(cells[c].PadLeft(widths[c]));
        }
        output.WriteLine();
    }
}
