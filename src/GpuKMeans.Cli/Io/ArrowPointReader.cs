using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// Reads the points of an Apache Arrow IPC file (<c>ARROW1</c> magic: <c>.arrow</c>, Feather v2) or stream
/// (<c>.arrows</c>), told apart by their first bytes, one record batch at a time: the selected columns
/// (<see cref="ColumnarTable"/>) must be float, double or integer columns; a null or non-finite value is an
/// error naming its row and column.
/// </summary>
internal static class ArrowPointReader
{
    /// <summary>The six bytes an Arrow IPC file (not a stream) starts with.</summary>
    private static ReadOnlySpan<byte> FileMagic => "ARROW1"u8;

    /// <summary>Reads <paramref name="path"/> (which exists).</summary>
    /// <param name="path">The file.</param>
    /// <param name="selection">The columns to keep, or <c>null</c> for all.</param>
    /// <param name="reportBytes">Called after each record batch with the bytes read so far, or <c>null</c>.</param>
    /// <exception cref="CliUsageException">Not Arrow IPC data, a missing or non-numeric column, a null or non-finite value.</exception>
    public static PointMatrix Read(string path, ColumnSelection? selection, Action<long>? reportBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> magic = stackalloc byte[6];
        bool isFile = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) == magic.Length && magic.SequenceEqual(FileMagic);
        stream.Position = 0;
        try
        {
            if (isFile)
            {
                using var file = new ArrowFileReader(stream, leaveOpen: true);
                return ReadBatches(file, path, selection, () => reportBytes?.Invoke(stream.Position));
            }
            using var reader = new ArrowStreamReader(stream, leaveOpen: true);
            return ReadBatches(reader, path, selection, () => reportBytes?.Invoke(stream.Position));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or InvalidOperationException
            or IndexOutOfRangeException or OverflowException or NotSupportedException)
        {
            throw new CliUsageException(
                $"{path}: not readable as an Arrow IPC {(isFile ? "file" : "stream")} ({e.Message}): check the file, or name its real format with --format");
        }
    }

    private static PointMatrix ReadBatches(IArrowReader reader, string path, ColumnSelection? selection, Action report)
    {
        var values = new FloatBuffer();
        int[]? columns = null;
        string[] names = [];
        long row = 0;
        while (reader.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
        {
            using (batch)
            {
                if (columns is null)
                {
                    var fields = batch.Schema.FieldsList;
                    columns = ColumnarTable.Select(path, [.. fields.Select(Describe)], selection);
                    names = [.. columns.Select(c => fields[c].Name)];
                }
                if (batch.Length > 0)
                    ColumnarTable.Append(values, path, row, names, [.. columns.Select(c => Convert(batch.Column(c)))]);
                row += batch.Length;
            }
            report();
        }
        if (columns is null)
            throw new CliUsageException($"{path}: the Arrow data has no record batches, so no rows");
        return ColumnarTable.ToMatrix(path, InputFormat.Arrow, values, names);
    }

    private static (string Name, string Type, bool Numeric) Describe(Field field) =>
        (field.Name, field.DataType.Name, IsNumeric(field.DataType.TypeId));

    private static bool IsNumeric(ArrowTypeId type) => type is ArrowTypeId.Float or ArrowTypeId.Double or ArrowTypeId.HalfFloat
        or ArrowTypeId.Int8 or ArrowTypeId.Int16 or ArrowTypeId.Int32 or ArrowTypeId.Int64
        or ArrowTypeId.UInt8 or ArrowTypeId.UInt16 or ArrowTypeId.UInt32 or ArrowTypeId.UInt64;

    private static ColumnChunk Convert(IArrowArray array) => array switch
    {
        FloatArray a => ColumnChunk.Of(a.Values, NullsOf(a)),
        DoubleArray a => ColumnChunk.Of(a.Values, NullsOf(a)),
        HalfFloatArray a => ColumnChunk.Of(a.Values, NullsOf(a)),
        Int8Array a => ColumnChunk.Of(a.Values, NullsOf(a)),
        Int16Array a => ColumnChunk.Of(a.Values, NullsOf(a)),
        Int32Array a => ColumnChunk.Of(a.Values, NullsOf(a)),
        Int64Array a => ColumnChunk.Of(a.Values, NullsOf(a)),
        UInt8Array a => ColumnChunk.Of(a.Values, NullsOf(a)),
        UInt16Array a => ColumnChunk.Of(a.Values, NullsOf(a)),
        UInt32Array a => ColumnChunk.Of(a.Values, NullsOf(a)),
        UInt64Array a => ColumnChunk.Of(a.Values, NullsOf(a)),
        _ => throw new InvalidOperationException($"column of {array.Data.DataType.Name} passed the numeric check"),
    };

    private static Func<int, bool>? NullsOf(IArrowArray array) => array.NullCount == 0 ? null : array.IsNull;
}
