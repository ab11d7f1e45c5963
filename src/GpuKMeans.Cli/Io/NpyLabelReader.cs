using System.Buffers.Binary;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// Reads a NumPy <c>.npy</c> file of integer labels, as <c>fit --labels x.npy</c> and <c>generate --labels-out x.npy</c>
/// write them: a C-order array of shape <c>(n,)</c> or <c>(n, 1)</c>, dtype little-endian int8 to int64 or uint8 to uint32.
/// </summary>
internal static class NpyLabelReader
{
    /// <summary>Reads the labels of <paramref name="path"/> (which exists).</summary>
    /// <param name="option">The option that named the file, for messages (<c>--truth</c>).</param>
    /// <param name="path">The file.</param>
    /// <exception cref="CliUsageException">Not a .npy file, a dtype that is not an integer, a shape that is not one column, truncated data, or a label outside int32.</exception>
    public static int[] Read(string option, string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var header = NpyHeader.Read(stream, path);
        string dtype = header.Descr.Length == 3 && header.Descr[0] is '<' or '|' ? header.Descr[1..] : header.Descr;
        int itemSize = dtype switch
        {
            "i1" or "u1" => 1,
            "i2" or "u2" => 2,
            "i4" or "u4" => 4,
            "i8" => 8,
            _ => throw new CliUsageException(
                $"{option}: {path} has dtype '{header.Descr}': labels must be little-endian integers such as '<i4' (use labels.astype('<i4'))"),
        };
        string shape = $"({string.Join(", ", header.Shape)}{(header.Shape.Length == 1 ? "," : "")})";
        if (header.Shape.Length is not (1 or 2) || (header.Shape.Length == 2 && header.Shape[1] != 1))
            throw new CliUsageException($"{option}: {path} has shape {shape}: labels must be one per point, shape (n,) or (n, 1)");
        long count = header.Shape[0];
        if (count * itemSize > stream.Length - header.DataOffset)
            throw new CliUsageException($"{option}: {path} is truncated: shape {shape} of '{header.Descr}' needs {count * itemSize:N0} bytes of data");
        var bytes = new byte[checked((int)(count * itemSize))];
        stream.Position = header.DataOffset;
        stream.ReadExactly(bytes);
        var labels = new int[count];
        for (int i = 0; i < labels.Length; i++)
        {
            var item = bytes.AsSpan(i * itemSize, itemSize);
            long value = dtype switch
            {
                "i1" => (sbyte)item[0],
                "u1" => item[0],
                "i2" => BinaryPrimitives.ReadInt16LittleEndian(item),
                "u2" => BinaryPrimitives.ReadUInt16LittleEndian(item),
                "i4" => BinaryPrimitives.ReadInt32LittleEndian(item),
                "u4" => BinaryPrimitives.ReadUInt32LittleEndian(item),
                _ => BinaryPrimitives.ReadInt64LittleEndian(item),
            };
            if (value is < int.MinValue or > int.MaxValue)
                throw new CliUsageException($"{option}: {path}: label {i} (0-based) is {value}, outside the 32-bit integer range");
            labels[i] = (int)value;
        }
        return labels;
    }
}
