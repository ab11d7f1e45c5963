using System.Buffers.Binary;
using System.Text;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// .npy files built byte by byte for the tests (magic, version, header length, dict, padding, data), independent
/// of the CLI's own writer, and a reader of the files the CLI writes.
/// </summary>
public static class CliNpy
{
    /// <summary>The bytes of a .npy file with the given header dict text and data.</summary>
    /// <param name="dict">The dict literal, such as <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c>.</param>
    /// <param name="data">The data bytes.</param>
    /// <param name="major">Format version 1, 2 or 3 (2-byte header length in 1, 4-byte in 2 and 3).</param>
    public static byte[] Build(string dict, byte[] data, byte major = 1)
    {
        int lengthSize = major == 1 ? 2 : 4;
        int unpadded = 6 + 2 + lengthSize + dict.Length + 1;
        string header = dict + new string(' ', (64 - unpadded % 64) % 64) + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 };
        if (major == 1)
            bytes.AddRange([(byte)(header.Length & 0xFF), (byte)(header.Length >> 8)]);
        else
            bytes.AddRange(BitConverter.GetBytes(header.Length)); // little-endian on every machine the tests run on
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(data);
        return [.. bytes];
    }

    /// <summary>A C-order float32 (<c>&lt;f4</c>) array of shape <c>(rows, columns)</c>, or <c>(rows,)</c> when <paramref name="columns"/> is null.</summary>
    public static byte[] Float32(float[] values, int rows, int? columns, byte major = 1) =>
        Build(Dict("<f4", rows, columns), [.. values.SelectMany(BitConverter.GetBytes)], major);

    /// <summary>A C-order float64 (<c>&lt;f8</c>) array of shape <c>(rows, columns)</c>.</summary>
    public static byte[] Float64(double[] values, int rows, int columns, byte major = 1) =>
        Build(Dict("<f8", rows, columns), [.. values.SelectMany(BitConverter.GetBytes)], major);

    /// <summary>The header dict of a C-order array.</summary>
    public static string Dict(string descr, int rows, int? columns, bool fortran = false) =>
        $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': ({rows},{(columns is { } c ? $" {c}" : "")}), }}";

    /// <summary>Reads a version 1.0 .npy file: its dict text and its data bytes.</summary>
    public static (string Dict, byte[] Data) Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan(0, 6).SequenceEqual(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' }) || bytes[6] != 1)
            throw new InvalidDataException($"{path} is not a version 1 .npy file");
        int length = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        if ((10 + length) % 64 != 0)
            throw new InvalidDataException($"{path}: the data does not start at a multiple of 64 bytes");
        return (Encoding.ASCII.GetString(bytes, 10, length), bytes[(10 + length)..]);
    }

    /// <summary>The int32 values of a <c>&lt;i4</c> data block.</summary>
    public static int[] Int32s(byte[] data) =>
        [.. Enumerable.Range(0, data.Length / 4).Select(i => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(i * 4)))];

    /// <summary>The float32 values of a <c>&lt;f4</c> data block.</summary>
    public static float[] Float32s(byte[] data) =>
        [.. Enumerable.Range(0, data.Length / 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(data.AsSpan(i * 4)))];
}
