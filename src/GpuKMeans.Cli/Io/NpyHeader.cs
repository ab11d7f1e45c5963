using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// The header of a NumPy <c>.npy</c> file (format versions 1.0, 2.0 and 3.0): the magic string, the version,
/// the header length (2 bytes in 1.0, 4 in 2.0 and 3.0) and a Python dict literal with <c>descr</c>,
/// <c>fortran_order</c> and <c>shape</c>, padded with spaces and ended by a newline.
/// </summary>
/// <param name="Descr">The dtype string, such as <c>&lt;f4</c>.</param>
/// <param name="FortranOrder">Whether the data is in column-major (Fortran) order.</param>
/// <param name="Shape">The array's shape.</param>
/// <param name="DataOffset">Where the data starts: the length of the whole header in bytes.</param>
internal sealed record NpyHeader(string Descr, bool FortranOrder, long[] Shape, long DataOffset)
{
    /// <summary>The six bytes every .npy file starts with.</summary>
    public static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads the header at the start of <paramref name="stream"/>, leaving the stream at the data.</summary>
    /// <exception cref="CliUsageException">Not a .npy file, an unknown version, a truncated or unreadable header.</exception>
    public static NpyHeader Read(Stream stream, string path)
    {
        Span<byte> prefix = stackalloc byte[12];
        int got = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        if (got < 10 || !prefix[..6].SequenceEqual(Magic))
            throw new CliUsageException($"{path}: not a NumPy .npy file: it does not start with the magic bytes \\x93NUMPY");
        int major = prefix[6], minor = prefix[7];
        if (major is < 1 or > 3)
            throw new CliUsageException($"{path}: .npy format version {major}.{minor} is not supported (only 1.0, 2.0 and 3.0)");
        int lengthSize = major == 1 ? 2 : 4;
        if (got < 8 + lengthSize)
            throw new CliUsageException($"{path}: truncated .npy header: the file is {stream.Length} bytes long");
        long headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..])
            : BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
        long dataOffset = 8 + lengthSize + headerLength;
        if (dataOffset > stream.Length)
            throw new CliUsageException(
                $"{path}: truncated .npy header: it says the header is {headerLength} bytes but the file is only {stream.Length} bytes long");
        if (headerLength > 1 << 20)
            throw new CliUsageException($"{path}: the .npy header claims {headerLength} bytes, too long for a plain array header");

        var bytes = new byte[headerLength];
        stream.Position = 8 + lengthSize;
        stream.ReadExactly(bytes);
        string text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes);
        var (descr, fortran, shape) = NpyDictParser.Parse(text, path);
        return new NpyHeader(descr, fortran, shape, dataOffset);
    }

    /// <summary>
    /// The bytes of a version 1.0 header for a C-order array of dtype <paramref name="descr"/> and shape
    /// <paramref name="shape"/>, padded so that the data starts at a multiple of 64 bytes (as NumPy does).
    /// </summary>
    public static byte[] Format(string descr, params long[] shape)
    {
        string dims = shape.Length == 1
            ? $"({shape[0].ToString(CultureInfo.InvariantCulture)},)"
            : $"({string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture)))})";
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {dims}, }}";
        int total = 10 + dict.Length + 1;
        int padded = (total + 63) / 64 * 64;
        string text = dict + new string(' ', padded - total) + "\n";
        var header = new byte[10 + text.Length];
        Magic.CopyTo(header);
        header[6] = 1;
        header[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), checked((ushort)text.Length));
        Encoding.Latin1.GetBytes(text, header.AsSpan(10));
        return header;
    }
}
