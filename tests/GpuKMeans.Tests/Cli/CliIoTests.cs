using GpuKMeans.Cli;
using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Scaling;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>The point reader, the .npy header, the scaler and the all-or-nothing file writer of the CLI.</summary>
public sealed class CliIoTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReaderDetectsTheHeaderAndRecordsLineNumbers()
    {
        var matrix = PointReader.Read(_dir.Write("m.csv", "\nx, y\n1,2\n\n3,4\n  \n"), InputOptions.Default);

        Assert.Equal(["x", " y"], matrix.Header);
        Assert.Equal(2, matrix.Columns);
        Assert.Equal(2, matrix.Rows);
        Assert.Equal([1f, 2f, 3f, 4f], matrix.Values);
        Assert.EndsWith("m.csv:3", matrix.FirstRowLocation);
    }

    [Fact]
    public void ReaderWithoutHeaderKeepsTheFirstRow()
    {
        var matrix = PointReader.Read(_dir.Write("m.csv", "-1.5e0,2\n3,4"), InputOptions.Default);

        Assert.Null(matrix.Header);
        Assert.Equal([-1.5f, 2f, 3f, 4f], matrix.Values);
        Assert.EndsWith("m.csv:1", matrix.FirstRowLocation);
    }

    [Fact]
    public void ColumnsSelectByIndexRangeAndNameInTheOrderGiven()
    {
        string path = _dir.Write("m.csv", "id,a,b,c\n7,1,2,3\n8,4,5,6\n");

        Assert.Equal([3f, 1f, 6f, 4f], PointReader.Read(path, new InputOptions(Columns: "3,1")).Values);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], PointReader.Read(path, new InputOptions(Columns: "1-3")).Values);
        var byName = PointReader.Read(path, new InputOptions(Columns: "c,A"));
        Assert.Equal([3f, 1f, 6f, 4f], byName.Values);
        Assert.Equal(["c", "a"], byName.Header);
    }

    [Fact]
    public void NpyHeaderOfTheWriterIsAlignedAndParsesBack()
    {
        byte[] header = NpyHeader.Format("<f4", 5, 3);
        Assert.Equal(0, header.Length % 64);
        using var stream = new MemoryStream([.. header, .. new byte[60]]);

        var parsed = NpyHeader.Read(stream, "x.npy");

        Assert.Equal("<f4", parsed.Descr);
        Assert.False(parsed.FortranOrder);
        Assert.Equal([5L, 3L], parsed.Shape);
        Assert.Equal(header.Length, parsed.DataOffset);
    }

    [Fact]
    public void ScalerRoundTripsAndOnlyCentresAConstantColumn()
    {
        float[] data = [1, 5, 2, 5, 3, 5, 6, 5];
        foreach (var method in new[] { ScaleMethod.Standard, ScaleMethod.MinMax })
        {
            var scaler = FeatureScaler.Fit(method, data, 2);
            float[] scaled = scaler.Transform(data);
            Assert.Equal([0f, 0f, 0f, 0f], [scaled[1], scaled[3], scaled[5], scaled[7]]);
            float[] back = scaler.Invert(scaled);
            for (int i = 0; i < data.Length; i++)
                Assert.Equal(data[i], back[i], 1e-5);
        }
        float[] standard = FeatureScaler.Fit(ScaleMethod.Standard, data, 2).Transform(data);
        double[] x = [standard[0], standard[2], standard[4], standard[6]];
        Assert.Equal(0, x.Average(), 1e-6);
        Assert.Equal(1, Math.Sqrt(x.Select(v => v * v).Average()), 1e-6); // population std
        float[] minmax = FeatureScaler.Fit(ScaleMethod.MinMax, data, 2).Transform(data);
        Assert.Equal([0f, 0.2f, 0.4f, 1f], [minmax[0], minmax[2], minmax[4], minmax[6]]);
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
