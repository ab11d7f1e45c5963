using System.Globalization;
using System.Text;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// A hand-written mutator for <see cref="ReaderFuzzTests"/>: valid CSV and .npy files to start from, and byte-level
/// and header-level edits (flips, insertions, deletions, truncations, shape/dtype/fortran_order/header-length edits,
/// huge numbers, NaN/inf text, non-UTF-8 bytes). Everything is drawn from one <see cref="Random"/>, so a seed
/// reproduces the whole sequence.
/// </summary>
public static class FuzzInputs
{
    /// <summary>Text worth inserting into a CSV file.</summary>
    private static readonly string[] CsvTokens =
    [
        "NaN", "nan", "inf", "-inf", "Infinity", "-Infinity", "1e39", "-1e39", "1e999", "1e-999", "3.4028235e38",
        "340282356779733661637539395458142568448", new string('9', 400), "0." + new string('0', 300) + "1", "-0", "+5",
        "0x10", "1_000", "1,5", "\"", "\"\"", "\"1\"", "\"1,2\"", "\r\n", "\r", "\n", "\n\n", ",", ";", "\t", "|", " ",
        "\uFEFF", "\u00A0", "\0", "e", "E5", ".", "-", "--1", "1e", "x,y", "#",
    ];

    /// <summary>Text worth inserting into a .npy header.</summary>
    private static readonly string[] NpyTokens =
    [
        "'<f4'", "'<f8'", "'>f4'", "'<i4'", "'|u1'", "'<f2'", "'O'", "True", "False", "(", ")", ",", "-1", "0",
        "99999999999", "18446744073709551616", "'shape'", "'descr'", "'fortran_order'", "{", "}", ":", "'", "\n", " ",
    ];

    /// <summary>A random valid CSV: 1–12 rows of 1–4 columns, maybe a header, quotes, CRLF, another delimiter.</summary>
    /// <returns>The bytes and whether they are tab-separated (a <c>.tsv</c> file).</returns>
    public static (byte[] Bytes, bool Tsv) Csv(Random rng)
    {
        int rows = rng.Next(1, 13), columns = rng.Next(1, 5);
        bool tsv = rng.Next(6) == 0;
        char delimiter = tsv ? '\t' : ',';
        string newline = rng.Next(3) == 0 ? "\r\n" : "\n";
        bool quote = rng.Next(4) == 0;
        var text = new StringBuilder();
        if (rng.Next(2) == 0)
            text.Append(string.Join(delimiter, Enumerable.Range(0, columns).Select(c => quote ? $"\"col {c}\"" : $"x{c}"))).Append(newline);
        for (int r = 0; r < rows; r++)
        {
            var cells = Enumerable.Range(0, columns).Select(_ => Number(rng)).Select(n => quote && rng.Next(3) == 0 ? $"\"{n}\"" : n);
            text.Append(string.Join(delimiter, cells));
            if (r < rows - 1 || rng.Next(4) != 0)
                text.Append(newline);
        }
        return (Encoding.UTF8.GetBytes(text.ToString()), tsv);
    }

    /// <summary>A small finite number in one of several spellings.</summary>
    private static string Number(Random rng) => rng.Next(4) switch
    {
        0 => rng.Next(-100, 100).ToString(CultureInfo.InvariantCulture),
        1 => (rng.NextDouble() * 20 - 10).ToString("R", CultureInfo.InvariantCulture),
        2 => (rng.NextDouble() * 1e6).ToString("E3", CultureInfo.InvariantCulture),
        _ => (rng.NextDouble()).ToString("0.###", CultureInfo.InvariantCulture),
    };

    /// <summary>A random valid version 1.0 .npy file of float32 or float64, 1-D or 2-D.</summary>
    public static byte[] Npy(Random rng) => Npy(rng, rng.Next(2) == 0 ? "<f4" : "<f8", Shape(rng), fortran: false);

    /// <summary>A .npy file whose dict says <paramref name="descr"/>, <paramref name="shape"/> and fortran_order, with data sized for the shape (capped).</summary>
    private static byte[] Npy(Random rng, string descr, long[] shape, bool fortran)
    {
        int itemSize = descr.Length > 2 && int.TryParse(descr[2..], out int size) ? size : 4;
        long count = shape.Aggregate(1L, (a, b) => b < 0 ? a : a * b);
        var data = new byte[(int)Math.Clamp(count * itemSize, 0, 4096)];
        for (int i = 0; i + itemSize <= data.Length; i += itemSize)
        {
            double value = rng.NextDouble() * 20 - 10;
            if (itemSize == 8) BitConverter.TryWriteBytes(data.AsSpan(i), value);
            else BitConverter.TryWriteBytes(data.AsSpan(i), (float)value);
        }
        string dims = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        string dict = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {dims}, }}";
        return CliNpy.Build(dict, data);
    }

    /// <summary>A shape of 1–12 rows by 1–4 columns, or 1-D.</summary>
    private static long[] Shape(Random rng) =>
        rng.Next(4) == 0 ? [rng.Next(1, 13)] : [rng.Next(1, 13), rng.Next(1, 5)];

    /// <summary>A .npy file with a structurally edited header: odd shape, dtype, fortran_order, version or header length.</summary>
    public static byte[] NpyHeaderEdit(Random rng)
    {
        string[] descrs = ["<f4", "<f8", ">f4", ">f8", "=f4", "|f4", "<i4", "<f2", "<c8", "|u1", "<U3", "O", "", "<f", "<f16"];
        long[][] shapes =
        [
            [], [0], [0, 2], [2, 0], [-1, 2], [3, -2], [int.MaxValue, 2], [long.MaxValue, 2], [1L << 40, 1L << 40],
            [2, 2, 2], [1, 1, 1, 1], [5, 1], [1, 5], [1], [100_000_000, 8], Shape(rng),
        ];
        string descr = rng.Next(3) == 0 ? descrs[rng.Next(descrs.Length)] : (rng.Next(2) == 0 ? "<f4" : "<f8");
        long[] shape = rng.Next(2) == 0 ? shapes[rng.Next(shapes.Length)] : Shape(rng);
        byte[] bytes = Npy(rng, descr, shape, fortran: rng.Next(4) == 0);
        switch (rng.Next(5))
        {
            case 0: // the header length field
                ushort length = (ushort)(rng.Next(3) switch { 0 => rng.Next(0, 70000), 1 => bytes[8] + bytes[9] * 256 + rng.Next(-3, 4), _ => 0xFFFF });
                bytes[8] = (byte)length;
                bytes[9] = (byte)(length >> 8);
                break;
            case 1: // the version bytes
                bytes[6] = (byte)rng.Next(0, 5);
                bytes[7] = (byte)rng.Next(0, 2);
                break;
            case 2: // NaN, infinity or huge values in the data
                int offset = 10 + bytes[8] + bytes[9] * 256;
                if (offset + 4 <= bytes.Length)
                {
                    float[] special = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.Epsilon, -0f];
                    BitConverter.TryWriteBytes(bytes.AsSpan(offset + rng.Next((bytes.Length - offset) / 4) * 4), special[rng.Next(special.Length)]);
                }
                break;
        }
        return bytes;
    }

    /// <summary>One to four random edits of <paramref name="input"/>, drawing inserted text from the CSV or .npy tokens.</summary>
    public static byte[] Mutate(Random rng, byte[] input, bool npy)
    {
        var bytes = new List<byte>(input);
        int edits = rng.Next(1, 5);
        for (int e = 0; e < edits; e++)
        {
            int at = bytes.Count == 0 ? 0 : rng.Next(bytes.Count);
            switch (rng.Next(npy ? 8 : 7))
            {
                case 0 when bytes.Count > 0: // flip a bit
                    bytes[at] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1 when bytes.Count > 0: // a random byte, often not UTF-8
                    bytes[at] = (byte)(rng.Next(3) == 0 ? rng.Next(0x80, 0x100) : rng.Next(0x100));
                    break;
                case 2: // insert a token
                    string[] tokens = npy ? NpyTokens : CsvTokens;
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(tokens[rng.Next(tokens.Length)]));
                    break;
                case 3 when bytes.Count > 0: // delete a range
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, rng.Next(1, 9)));
                    break;
                case 4: // truncate
                    int keep = rng.Next(bytes.Count + 1);
                    bytes.RemoveRange(keep, bytes.Count - keep);
                    break;
                case 5 when bytes.Count > 0: // duplicate a range
                    int length = Math.Min(bytes.Count - at, rng.Next(1, 33));
                    bytes.InsertRange(rng.Next(bytes.Count + 1), bytes.GetRange(at, length));
                    break;
                case 6: // insert invalid UTF-8 or control bytes
                    byte[][] odd = [[0xFF], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0x1A], [0xEF, 0xBB, 0xBF]];
                    bytes.InsertRange(at, odd[rng.Next(odd.Length)]);
                    break;
                case 7 when bytes.Count > 20: // overwrite a header-region byte with a header character
                    bytes[rng.Next(Math.Min(bytes.Count, 128))] = (byte)"(),:'{} 0123456789-TF\n"[rng.Next(22)];
                    break;
            }
        }
        return [.. bytes];
    }
}
