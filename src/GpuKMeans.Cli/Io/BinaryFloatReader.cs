using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// Reads little-endian float32 or float64 values from a stream in chunks of a few MiB straight into a float32
/// array (float64 is converted), checking that every value is finite. Used for .npy and raw files.
/// </summary>
internal static class BinaryFloatReader
{
    /// <summary>Values per chunk: 1 Mi (4 MiB of float32, 8 MiB of float64).</summary>
    private const int ChunkValues = 1 << 20;

    /// <summary>
    /// Reads <paramref name="count"/> values of <paramref name="itemSize"/> bytes (4 or 8) from the stream's position;
    /// <paramref name="columns"/> is the row width, for the row and column of a bad value.
    /// </summary>
    /// <exception cref="CliUsageException">Too many values for one array, a value that is NaN or ±∞, or too large for float32.</exception>
    public static float[] Read(Stream stream, string path, long count, int columns, int itemSize, Action<long>? reportBytes)
    {
        if (count > Array.MaxLength)
            throw new CliUsageException(
                $"{path}: {count:N0} values are more than one float32 array can hold ({Array.MaxLength:N0}): sample or split the data");
        var values = new float[count];
        byte[]? wide = itemSize == 8 ? new byte[ChunkValues * 8] : null;
        long start = stream.Position;
        for (int done = 0; done < values.Length;)
        {
            int n = Math.Min(ChunkValues, values.Length - done);
            var chunk = values.AsSpan(done, n);
            if (wide is null)
            {
                stream.ReadExactly(MemoryMarshal.AsBytes(chunk));
                if (!BitConverter.IsLittleEndian)
                    SwapInPlace(chunk);
            }
            else
            {
                var bytes = wide.AsSpan(0, n * 8);
                stream.ReadExactly(bytes);
                for (int i = 0; i < n; i++)
                    chunk[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * 8)..]);
            }
            CheckFinite(chunk, done, path, columns, wide);
            done += n;
            reportBytes?.Invoke(stream.Position - start);
        }
        return values;
    }

    private static void CheckFinite(ReadOnlySpan<float> chunk, long offset, string path, int columns, byte[]? wide)
    {
        for (int i = 0; i < chunk.Length; i++)
        {
            if (float.IsFinite(chunk[i]))
                continue;
            long index = offset + i;
            string where = $"{path}: row {index / columns}, column {index % columns} (0-based)";
            double original = wide is null ? chunk[i] : BinaryPrimitives.ReadDoubleLittleEndian(wide.AsSpan(i * 8));
            throw new CliUsageException(double.IsFinite(original)
                ? $"{where}: {original:R} is too large for a 32-bit float"
                : $"{where}: {original} is not a finite number: k-means needs finite values (drop or impute missing ones first)");
        }
    }

    private static void SwapInPlace(Span<float> values)
    {
        var bits = MemoryMarshal.Cast<float, int>(values);
        for (int i = 0; i < bits.Length; i++)
            bits[i] = BinaryPrimitives.ReverseEndianness(bits[i]);
    }
}
