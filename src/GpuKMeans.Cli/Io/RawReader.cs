namespace GpuKMeans.Cli.Io;

/// <summary>
/// Reads a headerless file of little-endian float32 values, <c>--dims</c> per point, row after row: the file's
/// length must be a multiple of <c>4 × dims</c> bytes.
/// </summary>
internal static class RawReader
{
    /// <summary>Reads <paramref name="path"/> (which exists) as points of <paramref name="dimensions"/> values.</summary>
    /// <exception cref="CliUsageException">The length is not a whole number of points, the file is empty, or a value is not finite.</exception>
    public static PointMatrix Read(string path, int dimensions, Action<long>? reportBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        Check(stream, path, dimensions);
        var values = BinaryFloatReader.Read(stream, path, stream.Length / 4, dimensions, 4, reportBytes);
        return new PointMatrix(path, InputFormat.Raw, values, dimensions, null, path);
    }

    /// <summary>The shape of the file, for a fit that reads it in place chunk by chunk (its data start at byte 0).</summary>
    /// <exception cref="CliUsageException">The length is not a whole number of points, or the file is empty.</exception>
    public static PointMatrix OpenInPlace(string path, int dimensions)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        Check(stream, path, dimensions);
        long rows = stream.Length / (4L * dimensions);
        if (rows > int.MaxValue)
            throw new CliUsageException($"{path}: {rows:N0} points is more than {int.MaxValue:N0}: split the file");
        return new PointMatrix(path, InputFormat.Raw, [], dimensions, null, path, (int)rows);
    }

    private static void Check(FileStream stream, string path, int dimensions)
    {
        long rowBytes = 4L * dimensions;
        if (stream.Length == 0)
            throw new CliUsageException($"{path}: the file is empty: expected little-endian float32 values, {dimensions} per point");
        if (stream.Length % rowBytes != 0)
            throw new CliUsageException(
                $"{path}: {stream.Length:N0} bytes is not a whole number of points: with --dims {dimensions} each point is 4 × {dimensions} = {rowBytes} bytes "
                + $"({stream.Length / rowBytes:N0} points and {stream.Length % rowBytes} bytes left over)");
    }
}
