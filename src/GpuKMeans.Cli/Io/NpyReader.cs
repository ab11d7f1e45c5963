namespace GpuKMeans.Cli.Io;

/// <summary>
/// Reads a NumPy <c>.npy</c> file of points: dtype <c>&lt;f4</c> or <c>&lt;f8</c> (converted to float32), C order,
/// shape <c>(n, d)</c> or <c>(n,)</c> (read as <c>n × 1</c>). The data is streamed in chunks, so a file of several
/// GB costs its float32 array and nothing more. Every problem is a <see cref="CliUsageException"/> naming the file.
/// </summary>
internal static class NpyReader
{
    /// <summary>Reads <paramref name="path"/> (which exists).</summary>
    /// <exception cref="CliUsageException">Not a supported .npy file, truncated, or a value that is not finite.</exception>
    public static PointMatrix Read(string path, Action<long>? reportBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var (header, itemSize, count, columns) = Inspect(stream, path);
        stream.Position = header.DataOffset;
        var values = BinaryFloatReader.Read(stream, path, count, (int)columns, itemSize, reportBytes);
        return new PointMatrix(path, InputFormat.Npy, values, (int)columns, null, path);
    }

    /// <summary>
    /// The shape of a float32 file the fit can read in place, chunk by chunk (<c>&lt;f4</c>, C order), and the byte offset
    /// of its data; null for float64 files, which are read (and converted) whole.
    /// </summary>
    /// <exception cref="CliUsageException">Not a supported .npy file, or truncated.</exception>
    public static (PointMatrix Shape, long Offset)? OpenInPlace(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var (header, itemSize, count, columns) = Inspect(stream, path);
        if (itemSize != sizeof(float))
            return null;
        return (new PointMatrix(path, InputFormat.Npy, [], (int)columns, null, path, (int)(count / columns)), header.DataOffset);
    }

    private static (NpyHeader Header, int ItemSize, long Count, long Columns) Inspect(FileStream stream, string path)
    {
        var header = NpyHeader.Read(stream, path);
        int itemSize = header.Descr switch
        {
            "<f4" => 4,
            "<f8" => 8,
            ">f4" or ">f8" => throw new CliUsageException(
                $"{path}: dtype '{header.Descr}' is big-endian: only little-endian '<f4' (float32) and '<f8' (float64) are supported (use arr.astype('<f4'))"),
            _ => throw new CliUsageException(
                $"{path}: dtype '{header.Descr}' is not supported: expected '<f4' (float32) or '<f8' (float64) (use arr.astype('<f4'))"),
        };
        if (header.FortranOrder)
            throw new CliUsageException(
                $"{path}: the array is in Fortran (column-major) order: only C order is supported (save np.ascontiguousarray(arr))");
        string shape = $"({string.Join(", ", header.Shape)}{(header.Shape.Length == 1 ? "," : "")})";
        if (header.Shape.Length is not (1 or 2))
            throw new CliUsageException(
                $"{path}: shape {shape} has {header.Shape.Length} dimensions: expected a 2-D array (points × features) or a 1-D array (one feature)");
        long rows = header.Shape[0];
        long columns = header.Shape.Length == 2 ? header.Shape[1] : 1;
        if (rows == 0 || columns == 0)
            throw new CliUsageException($"{path}: shape {shape} holds no values: expected at least one point and one feature");
        if (columns > int.MaxValue || rows > int.MaxValue)
            throw new CliUsageException($"{path}: shape {shape} is too large");

        long count = rows * columns;
        long needed = count * itemSize;
        long available = stream.Length - header.DataOffset;
        if (available < needed)
            throw new CliUsageException(
                $"{path}: truncated: shape {shape} of '{header.Descr}' needs {needed:N0} bytes of data after the {header.DataOffset}-byte header, "
                + $"but only {available:N0} follow (the file is {stream.Length:N0} bytes)");
        return (header, itemSize, count, columns);
    }
}
