using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// Reads the points of an Apache Parquet file with Parquet.Net, one row group at a time: the selected columns
/// (<see cref="ColumnarTable"/>) must be flat float, double or integer columns; a null or non-finite value is an
/// error naming its row and column.
/// </summary>
internal static class ParquetPointReader
{
    /// <summary>Reads <paramref name="path"/> (which exists).</summary>
    /// <param name="path">The file.</param>
    /// <param name="selection">The columns to keep, or <c>null</c> for all.</param>
    /// <param name="reportBytes">Called after each row group with an estimate of the bytes read, or <c>null</c>.</param>
    /// <exception cref="CliUsageException">Not a Parquet file, a missing or non-numeric column, a null or non-finite value.</exception>
    public static PointMatrix Read(string path, ColumnSelection? selection, Action<long>? reportBytes) =>
        ReadAsync(path, selection, reportBytes).GetAwaiter().GetResult();

    private static async Task<PointMatrix> ReadAsync(string path, ColumnSelection? selection, Action<long>? reportBytes)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CliUsageException($"{path}: not a readable Parquet file ({e.Message}): check the file, or name its real format with --format");
        }
        await using (reader)
        {
            var fields = reader.Schema.GetDataFields();
            int[] columns = ColumnarTable.Select(path, [.. fields.Select(Describe)], selection);
            string[] names = [.. columns.Select(c => fields[c].Name)];
            var values = new FloatBuffer();
            long row = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int rows = checked((int)group.RowCount);
                var chunk = new List<ColumnChunk>(columns.Length);
                foreach (int c in columns)
                    chunk.Add(await ReadColumn(group, fields[c], rows));
                if (rows > 0)
                    ColumnarTable.Append(values, path, row, names, chunk);
                row += rows;
                reportBytes?.Invoke(stream.Length * (g + 1) / reader.RowGroupCount);
            }
            return ColumnarTable.ToMatrix(path, InputFormat.Parquet, values, names);
        }
    }

    private static (string Name, string Type, bool Numeric) Describe(DataField field)
    {
        if (field.IsArray || field.Path.ToString().Contains('.'))
            return (field.Path.ToString(), $"a list or nested value of {field.ClrType.Name}", false);
        bool numeric = ReadColumnOf(field.ClrType) is not null;
        return (field.Name, numeric ? field.ClrType.Name : Article(field.ClrType.Name), numeric);
    }

    private static string Article(string type) => type switch
    {
        "String" => "text",
        "Boolean" => "booleans",
        "Byte[]" => "binary values",
        _ => $"{type} values",
    };

    private static Task<ColumnChunk> ReadColumn(ParquetRowGroupReader group, DataField field, int rows) =>
        ReadColumnOf(field.ClrType)!(group, field, rows);

    /// <summary>The reader of a column of CLR type <paramref name="type"/>, or <c>null</c> when it is not a number.</summary>
    private static Func<ParquetRowGroupReader, DataField, int, Task<ColumnChunk>>? ReadColumnOf(Type type) => type switch
    {
        _ when type == typeof(float) => ReadNumbers<float>,
        _ when type == typeof(double) => ReadNumbers<double>,
        _ when type == typeof(Half) => ReadNumbers<Half>,
        _ when type == typeof(decimal) => ReadNumbers<decimal>,
        _ when type == typeof(sbyte) => ReadNumbers<sbyte>,
        _ when type == typeof(byte) => ReadNumbers<byte>,
        _ when type == typeof(short) => ReadNumbers<short>,
        _ when type == typeof(ushort) => ReadNumbers<ushort>,
        _ when type == typeof(int) => ReadNumbers<int>,
        _ when type == typeof(uint) => ReadNumbers<uint>,
        _ when type == typeof(long) => ReadNumbers<long>,
        _ when type == typeof(ulong) => ReadNumbers<ulong>,
        _ => null,
    };

    private static async Task<ColumnChunk> ReadNumbers<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct, INumberBase<T>
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            await group.ReadAsync<T>(field, nullable.AsMemory());
            return ColumnChunk.OfNullable<T>(nullable);
        }
        var plain = new T[rows];
        await group.ReadAsync<T>(field, plain.AsMemory());
        return ColumnChunk.Of<T>(plain);
    }
}
