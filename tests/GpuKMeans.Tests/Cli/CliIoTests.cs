using GpuKMeans.Cli;
using GpuKMeans.Cli.Io;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>The CSV reader and the all-or-nothing file writer of the CLI.</summary>
public sealed class CliIoTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReaderDetectsTheHeaderAndRecordsLineNumbers()
    {
        var matrix = CsvMatrixReader.Read(_dir.Write("m.csv", "\nx, y\n1,2\n\n3,4\n  \n"));

        Assert.Equal(["x", " y"], matrix.Header);
        Assert.Equal(2, matrix.Columns);
        Assert.Equal([1f, 2f, 3f, 4f], matrix.Values);
        Assert.Equal([3, 5], matrix.LineNumbers);
    }

    [Fact]
    public void ReaderWithoutHeaderKeepsTheFirstRow()
    {
        var matrix = CsvMatrixReader.Read(_dir.Write("m.csv", "-1.5e0,2\n3,4"));

        Assert.Null(matrix.Header);
        Assert.Equal([-1.5f, 2f, 3f, 4f], matrix.Values);
        Assert.Equal([1, 2], matrix.LineNumbers);
    }

    [Fact]
    public void AtomicWriteReplacesTheFileWhole()
    {
        string path = _dir.Write("out.csv", "old\n");

        AtomicFile.Write(path, writer => writer.WriteLine("new"));

        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Equal(["out.csv"], _dir.FileNames());
    }

    [Fact]
    public void FailedAtomicWriteLeavesNoTrace()
    {
        string kept = _dir.Write("kept.csv", "old\n");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(kept, writer =>
        {
            writer.WriteLine("half");
            throw new InvalidOperationException("disk full");
        }));
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(_dir.PathOf("new.csv"), _ => throw new InvalidOperationException()));

        Assert.Equal("old\n", File.ReadAllText(kept));
        Assert.Equal(["kept.csv"], _dir.FileNames());
    }

    [Fact]
    public void CheckWritableNamesTheOption()
    {
        var e = Assert.Throws<CliUsageException>(() => AtomicFile.CheckWritable("--centroids", _dir.Root));
        Assert.Contains("--centroids", e.Message);
    }
}
