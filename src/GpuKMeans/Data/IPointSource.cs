namespace GpuKMeans.Data;

/// <summary>
/// Row-major points read in chunks: an array in memory or a file too large to load. Reads are positional
/// and may come from several threads at once (a streamed fit loads the next chunk while it works on this one).
/// </summary>
internal interface IPointSource
{
    /// <summary>Number of rows <c>n</c>.</summary>
    int Count { get; }

    /// <summary>Values per row <c>d</c>.</summary>
    int Dimensions { get; }

    /// <summary>
    /// Rows <c>[firstRow, firstRow + rowCount)</c>: a view of memory the source holds, or <paramref name="scratch"/>
    /// (at least <c>rowCount · d</c> values) filled with them.
    /// </summary>
    ReadOnlySpan<float> Read(int firstRow, int rowCount, Span<float> scratch);
}

/// <summary>Points already in memory (no copy on read).</summary>
internal sealed class MemoryPointSource(ReadOnlyMemory<float> points, int dimensions) : IPointSource
{
    public int Count { get; } = points.Length / dimensions;

    public int Dimensions { get; } = dimensions;

    public ReadOnlySpan<float> Read(int firstRow, int rowCount, Span<float> scratch) =>
        points.Span.Slice(firstRow * Dimensions, rowCount * Dimensions);
}

/// <summary>The rows of another source as <see cref="Conditioning"/> transforms them, computed chunk by chunk.</summary>
internal sealed class ConditionedPointSource(IPointSource inner, Conditioning conditioning) : IPointSource
{
    public int Count => inner.Count;

    public int Dimensions => inner.Dimensions;

    public ReadOnlySpan<float> Read(int firstRow, int rowCount, Span<float> scratch)
    {
        var rows = inner.Read(firstRow, rowCount, scratch);
        var target = scratch[..rows.Length];
        conditioning.ApplyInto(rows, Dimensions, target);
        return target;
    }
}

/// <summary>Walks a source in chunks of whole rows, in row order.</summary>
internal static class PointChunks
{
    /// <summary>Rows per chunk when a whole source is walked on the host (16 MiB of floats, at least one row).</summary>
    public static int RowsPerChunk(int dimensions) => Math.Max(1, (1 << 22) / dimensions);

    public delegate void Visitor(int firstRow, ReadOnlySpan<float> rows);

    /// <summary>Calls <paramref name="visit"/> for consecutive chunks covering every row, in order.</summary>
    public static void ForEach(IPointSource source, Visitor visit)
    {
        int rowsPerChunk = RowsPerChunk(source.Dimensions);
        var scratch = new float[(long)Math.Min(rowsPerChunk, source.Count) * source.Dimensions];
        for (int first = 0; first < source.Count; first += rowsPerChunk)
        {
            int rows = Math.Min(rowsPerChunk, source.Count - first);
            visit(first, source.Read(first, rows, scratch));
        }
    }

    /// <summary>Every row of <paramref name="source"/> in one array (a view's copy, or the reads).</summary>
    public static float[] ReadAll(IPointSource source)
    {
        var all = new float[(long)source.Count * source.Dimensions];
        ForEach(source, (first, rows) => rows.CopyTo(all.AsSpan(first * source.Dimensions)));
        return all;
    }
}
