using Microsoft.Win32.SafeHandles;

namespace GpuKMeans.Data;

/// <summary>
/// Little-endian float32 rows in a file (a raw dump, or the data of a <c>.npy</c> after its header), read by
/// position on demand: memory use is bounded by the chunks being read, never the file's size.
/// </summary>
internal sealed class FilePointSource : IPointSource, IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly long _offset;

    /// <exception cref="ArgumentException">The file is shorter than <paramref name="rows"/> × <paramref name="dimensions"/> floats after <paramref name="offset"/>.</exception>
    public FilePointSource(string path, long offset, int rows, int dimensions)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Reading float32 files in place needs a little-endian machine.");
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        long needed = offset + (long)rows * dimensions * sizeof(float);
        long length = RandomAccess.GetLength(_handle);
        if (length < needed)
        {
            _handle.Dispose();
            throw new ArgumentException(
                $"'{path}' has {length} bytes but {rows} rows × {dimensions} float32 values after byte {offset} need {needed}.", nameof(path));
        }
        _offset = offset;
        Path = path;
        Count = rows;
        Dimensions = dimensions;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    public int Count { get; }

    public int Dimensions { get; }

    public ReadOnlySpan<float> Read(int firstRow, int rowCount, Span<float> scratch)
    {
        var target = scratch[..(rowCount * Dimensions)];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(target);
        long position = _offset + (long)firstRow * Dimensions * sizeof(float);
        while (!bytes.IsEmpty)
        {
            int read = RandomAccess.Read(_handle, bytes, position);
            if (read <= 0)
                throw new EndOfStreamException($"'{Path}' ended at byte {position} while reading row {firstRow + (target.Length - bytes.Length / sizeof(float)) / Dimensions}.");
            bytes = bytes[read..];
            position += read;
        }
        return target;
    }

    public void Dispose() => _handle.Dispose();
}
