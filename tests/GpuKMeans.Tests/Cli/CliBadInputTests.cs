using System.Text;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// Bad files of every format and bad reading options: exit code 2, nothing on standard output, and a message that
/// names the file with the line and column (CSV), the row and column (binary) or the byte count.
/// </summary>
public sealed class CliBadInputTests : IDisposable
{
    private static readonly byte[] SixFloats = [.. new float[] { 1, 2, 1, 4, 1, 0, 10, 2, 10, 4, 10, 0 }.SelectMany(BitConverter.GetBytes)];
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRun Fails(string input, string[] extra, params string[] expected)
    {
        var run = CliRun.Of(CliData.FitArgs(input, 1, [.. extra, "--labels", _dir.PathOf("labels.out.csv")]));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Out);
        foreach (string text in expected)
            Assert.Contains(text, run.Err);
        Assert.DoesNotContain("labels.out.csv", _dir.FileNames());
        return run;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        string path = _dir.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static TheoryData<string, string[]> BadNpyHeaders => new()
    {
        { "{'descr': '>f4', 'fortran_order': False, 'shape': (6, 2), }", ["big-endian", "'>f4'"] },
        { "{'descr': '<i8', 'fortran_order': False, 'shape': (6, 2), }", ["dtype '<i8' is not supported"] },
        { "{'descr': '<f2', 'fortran_order': False, 'shape': (6, 2), }", ["dtype '<f2' is not supported"] },
        { "{'descr': '<f4', 'fortran_order': True, 'shape': (6, 2), }", ["Fortran", "C order"] },
        { "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2, 2), }", ["shape (3, 2, 2) has 3 dimensions"] },
        { "{'descr': '<f4', 'fortran_order': False, 'shape': (), }", ["shape () has 0 dimensions"] },
        { "{'descr': '<f4', 'fortran_order': False, 'shape': (0, 2), }", ["holds no values"] },
        { "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (6,), }", ["structured dtype"] },
        { "{'descr': '<f4', 'shape': (6, 2), }", ["lacks one of"] },
        { "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (6, 2), }", ["unreadable .npy header", "True or False"] },
    };

    [Theory]
    [MemberData(nameof(BadNpyHeaders))]
    public void NpyWithAnUnsupportedHeader(string dict, string[] expected) =>
        Fails(WriteBytes("bad.npy", CliNpy.Build(dict, SixFloats)), [], ["bad.npy: ", .. expected]);

    [Fact]
    public void NpyTruncatedData()
    {
        byte[] whole = CliNpy.Float32(new float[12], 6, 2);
        Fails(WriteBytes("cut.npy", whole[..^5]), [], "cut.npy: truncated", "needs 48 bytes", "only 43 follow");
    }

    [Fact]
    public void NpyTruncatedHeader()
    {
        byte[] whole = CliNpy.Float32(new float[12], 6, 2);
        Fails(WriteBytes("cut.npy", whole[..40]), [], "cut.npy: truncated .npy header", "40 bytes");
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'X', 1, 0, 0, 0 })]
    public void NotAnNpyFile(byte[] bytes) => Fails(WriteBytes("junk.npy", bytes), [], "junk.npy: not a NumPy .npy file");

    [Fact]
    public void NpyOfAnUnknownVersion()
    {
        byte[] file = CliNpy.Float32(new float[12], 6, 2);
        file[6] = 4;
        Fails(WriteBytes("v4.npy", file), [], "v4.npy: .npy format version 4.0 is not supported");
    }

    [Fact]
    public void NpyFloat32NaNNamesRowAndColumn()
    {
        float[] values = [1, 2, 3, 4, 5, float.NaN];
        Fails(WriteBytes("nan.npy", CliNpy.Float32(values, 3, 2)), [], "nan.npy: row 2, column 1 (0-based)", "not a finite number");
    }

    [Fact]
    public void NpyFloat64InfinityAndOverflowNameRowAndColumn()
    {
        Fails(WriteBytes("inf.npy", CliNpy.Float64([1, double.NegativeInfinity, 3, 4], 2, 2)), [],
            "inf.npy: row 0, column 1 (0-based)", "not a finite number");
        Fails(WriteBytes("big.npy", CliNpy.Float64([1, 2, 3, 1e300], 2, 2)), [],
            "big.npy: row 1, column 1 (0-based)", "too large for a 32-bit float");
    }

    [Fact]
    public void RawLengthNotAMultipleOfTheRowNamesTheByteCount() =>
        Fails(WriteBytes("odd.f32", SixFloats[..^4]), ["--dims", "2"], "odd.f32: 44 bytes is not a whole number of points", "4 × 2 = 8 bytes");

    [Fact]
    public void RawNaNNamesRowAndColumn()
    {
        byte[] bytes = [.. SixFloats];
        BitConverter.GetBytes(float.PositiveInfinity).CopyTo(bytes, 4 * 5);
        Fails(WriteBytes("inf.f32", bytes), ["--dims", "2"], "inf.f32: row 2, column 1 (0-based)");
    }

    [Fact]
    public void RawEmptyAndRawWithoutDims()
    {
        Fails(WriteBytes("empty.f32", []), ["--dims", "2"], "empty.f32: the file is empty");
        Fails(WriteBytes("six.f32", SixFloats), [], "--dims is required");
    }

    [Theory]
    [InlineData("a\tb\n1\t2\n3\tNaN\n", "data.tsv:3:2: 'NaN' is not a finite number")]
    [InlineData("1\t2\n3\t4\t5\n", "data.tsv:2: expected 2 columns, found 3")]
    [InlineData("1\t2\n3\tx\n", "data.tsv:2:2: 'x' is not a number")]
    public void TabSeparatedBadCellsNameLineAndColumn(string text, string expected) =>
        Fails(_dir.Write("data.tsv", text), [], expected);

    [Fact]
    public void BadCellInASelectedColumnNamesTheFileColumn() =>
        Fails(_dir.Write("data.csv", "a,b,c\n1,2,3\n4,5,oops\n"), ["--columns", "0,2"], "data.csv:3:3: 'oops' is not a number");

    [Theory]
    [InlineData("0,5", "column 5 does not exist", "3 columns")]
    [InlineData("a,zz", "no column named 'zz'", "a, b, c")]
    [InlineData("0,,1", "empty column")]
    [InlineData("2-1", "runs backwards")]
    [InlineData("-1", "indices start at 0")]
    public void BadColumns(string columns, params string[] expected) =>
        Fails(_dir.Write("data.csv", "a,b,c\n1,2,3\n4,5,6\n"), ["--columns", columns], ["--columns", .. expected]);

    [Fact]
    public void ColumnNamesNeedAHeader() =>
        Fails(_dir.Write("data.csv", "1,2,3\n4,5,6\n"), ["--columns", "b"], "has no header row");

    [Theory]
    [InlineData("six.npy", new[] { "--delimiter", ";" }, "--delimiter applies to CSV input only")]
    [InlineData("six.npy", new[] { "--columns", "0" }, "--columns applies to CSV, Parquet and Arrow input only")]
    [InlineData("six.npy", new[] { "--dims", "2" }, "--dims applies to raw input only")]
    [InlineData("six.f32", new[] { "--dims", "0" }, "--dims must be at least 1")]
    [InlineData("six.csv", new[] { "--delimiter", "ab" }, "--delimiter: 'ab' is not one character")]
    [InlineData("six.csv", new[] { "--format", "parquet" }, "--format")]
    public void OptionsThatDoNotFitTheFormat(string name, string[] options, string expected)
    {
        string path = name.EndsWith(".csv", StringComparison.Ordinal)
            ? _dir.Write(name, "1,2\n3,4\n")
            : WriteBytes(name, name.EndsWith(".npy", StringComparison.Ordinal) ? CliNpy.Float32([1, 2, 3, 4], 2, 2) : SixFloats);
        var run = CliRun.Of(CliData.FitArgs(path, 1, options));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Err);
    }

    [Fact]
    public void CsvThatIsNotUtf8TextStillNamesTheLine() =>
        Fails(WriteBytes("bin.csv", [.. Encoding.ASCII.GetBytes("1,2\n"), 0xFF, 0xFE, (byte)',', (byte)'1', (byte)'\n']), [], "bin.csv:2:1:");
}
