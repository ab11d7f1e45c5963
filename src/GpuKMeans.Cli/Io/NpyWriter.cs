using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace GpuKMeans.Cli.Io;

/// <summary>Writes NumPy <c>.npy</c> files (format 1.0, little-endian, C order) that <c>np.load</c> reads back, and raw float32.</summary>
internal static class NpyWriter
{
    /// <summary>Writes <paramref name="values"/> as a 1-D <c>&lt;i4</c> array.</summary>
    public static void WriteInt32(Stream stream, ReadOnlySpan<int> values)
    {
        stream.Write(NpyHeader.Format("<i4", values.Length));
        if (BitConverter.IsLittleEndian)
        {
            WriteChunked(stream, values);
            return;
        }
        Span<byte> item = stackalloc byte[4];
        foreach (int value in values)
        {
            BinaryPrimitives.WriteInt32LittleEndian(item, value);
            stream.Write(item);
        }
    }

    /// <summary>Writes <paramref name="values"/> as bare little-endian float32, with no header (a raw file).</summary>
    public static void WriteRawFloat32(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            WriteChunked(stream, values);
            return;
        }
        Span<byte> item = stackalloc byte[4];
        foreach (float value in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(item, value);
            stream.Write(item);
        }
    }

    /// <summary>Most values per write: a span of more than 2³¹ bytes cannot be reinterpreted as bytes in one piece.</summary>
    private const int ChunkValues = 1 << 24;

    /// <summary>Writes the bytes of 4-byte values in chunks, so files over 2 GiB work.</summary>
    private static void WriteChunked<T>(Stream stream, ReadOnlySpan<T> values) where T : unmanaged
    {
        for (int start = 0; start < values.Length; start += ChunkValues)
            stream.Write(MemoryMarshal.AsBytes(values.Slice(start, Math.Min(ChunkValues, values.Length - start))));
    }

    /// <summary>Writes row-major <paramref name="values"/> as a 2-D <c>&lt;f4</c> array of <paramref name="columns"/> columns.</summary>
    public static void WriteFloat32(Stream stream, ReadOnlySpan<float> values, int columns)
    {
        stream.Write(NpyHeader.Format("<f4", values.Length / columns, columns));
        WriteRawFloat32(stream, values);
    }
}
