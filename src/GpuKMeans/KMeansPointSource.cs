using GpuKMeans.Data;

namespace GpuKMeans;

/// <summary>
/// Points that <see cref="KMeansDevice.Upload(KMeansPointSource, ReadOnlyMemory{float}, long?)"/> reads chunk by chunk
/// instead of taking as one array: a float32 file read in place (larger than host memory, if need be), or an array.
/// Keep it open while a dataset made from it is in use; dispose it afterwards.
/// </summary>
public sealed class KMeansPointSource : IDisposable
{
    private readonly IPointSource _points;
    private bool _disposed;

    private KMeansPointSource(IPointSource points) => _points = points;

    /// <summary>Number of rows.</summary>
    public int Count => _points.Count;

    /// <summary>Values per row.</summary>
    public int Dimensions => _points.Dimensions;

    /// <summary>
    /// Little-endian float32 values, row-major, starting <paramref name="offset"/> bytes into the file: a raw dump
    /// (offset 0) or the data of a C-ordered <c>&lt;f4</c> <c>.npy</c> file (offset = its header length).
    /// </summary>
    /// <param name="path">The file; only read.</param>
    /// <param name="dimensions">Values per row.</param>
    /// <param name="rows">Rows to read; null: all the whole rows after <paramref name="offset"/>.</param>
    /// <param name="offset">Bytes to skip before the first value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/>, <paramref name="rows"/> or <paramref name="offset"/> out of range.</exception>
    /// <exception cref="ArgumentException">The file is shorter than the rows asked for, or holds no whole row.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static KMeansPointSource FromFloat32File(string path, int dimensions, long? rows = null, long offset = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        long rowBytes = (long)dimensions * sizeof(float);
        long count = rows ?? (new FileInfo(path).Length - offset) / rowBytes;
        if (count <= 0)
            throw new ArgumentException($"'{path}' holds no whole row of {dimensions} float32 values after byte {offset}.", nameof(path));
        if (count > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(rows), count, $"At most {int.MaxValue} rows per source; split the file.");
        return new KMeansPointSource(new FilePointSource(path, offset, (int)count, dimensions));
    }

    /// <summary>Row-major points in memory (not copied: keep them unchanged while the source is used).</summary>
    /// <exception cref="ArgumentException">The values are not a whole number of rows.</exception>
    public static KMeansPointSource FromMemory(ReadOnlyMemory<float> points, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (points.Length % dimensions != 0)
            throw new ArgumentException($"points has {points.Length} values, which is not a multiple of dimensions={dimensions}.", nameof(points));
        return new KMeansPointSource(new MemoryPointSource(points, dimensions));
    }

    internal IPointSource Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _points;
    }

    /// <summary>Closes the file, if any.</summary>
    public void Dispose()
    {
        _disposed = true;
        (_points as IDisposable)?.Dispose();
    }
}
