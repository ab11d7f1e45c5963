using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// Parquet and Arrow IPC input: files written here with Parquet.Net and Apache.Arrow, read by <c>fit</c> with
/// columns chosen by name or index, and the errors for a missing, non-numeric or null column.
/// </summary>
public sealed class CliColumnarInputTests : IDisposable
{
    /// <summary>Two clusters of three points: k = 2 gives centroids (1, 2) and (10, 2) and inertia 16.</summary>
    private static readonly double[] Xs = [1, 1, 1, 10, 10, 10];
    private static readonly float[] Ys = [2, 4, 0, 2, 4, 0];
    private static readonly int[] Ids = [0, 1, 2, 3, 4, 5];
    private static readonly string[] Species = ["a", "a", "a", "b", "b", "b"];

    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteParquet(string name, double?[]? nullableY = null, int rowGroups = 1)
    {
        var x = new DataField<double>("x");
        var y = nullableY is null ? (DataField)new DataField<float>("y") : new DataField<double?>("y");
        var id = new DataField<int>("id");
        var species = new DataField<string>("species");
        string path = _dir.PathOf(name);
        Task.Run(async () =>
        {
            await using var stream = File.Create(path);
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(x, y, id, species), stream);
            int size = Xs.Length / rowGroups;
            for (int start = 0; start < Xs.Length; start += size)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync<double>(x, Xs.AsMemory(start, size));
                if (nullableY is null)
                    await group.WriteAsync<float>(y, Ys.AsMemory(start, size));
                else
                    await group.WriteAsync<double>(y, nullableY.AsMemory(start, size));
                await group.WriteAsync<int>(id, Ids.AsMemory(start, size));
                await group.WriteAsync(species, Species[start..(start + size)]);
            }
        }).GetAwaiter().GetResult();
        return path;
    }

    private static RecordBatch Batch(int start, int count, bool withNull = false) => new RecordBatch.Builder()
        .Append("x", false, c => c.Double(a => a.AppendRange(Xs.Skip(start).Take(count))))
        .Append("y", true, c => c.Float(a =>
        {
            foreach (float y in Ys.Skip(start).Take(count))
            {
                if (withNull && y == 4)
                    a.AppendNull();
                else
                    a.Append(y);
            }
        }))
        .Append("id", false, c => c.Int32(a => a.AppendRange(Ids.Skip(start).Take(count))))
        .Append("species", false, c => c.String(a => a.AppendRange(Species.Skip(start).Take(count))))
        .Build();

    private string WriteArrow(string name, bool stream, bool nullInSecondBatch = false)
    {
        string path = _dir.PathOf(name);
        RecordBatch[] batches = [Batch(0, 3), Batch(3, 3, nullInSecondBatch)];
        using var file = File.Create(path);
        if (stream)
        {
            using var writer = new ArrowStreamWriter(file, batches[0].Schema);
            foreach (var batch in batches)
                writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }
        else
        {
            using var writer = new ArrowFileWriter(file, batches[0].Schema);
            foreach (var batch in batches)
                writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }
        return path;
    }

    private static void FitsTheTwoClusters(string path, params string[] options)
    {
        var run = CliRun.Of(CliData.FitArgs(path, 2, [.. options, "--json"]));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(6, json.RootElement.GetProperty("points").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("dimensions").GetInt32());
        Assert.Equal(16, json.RootElement.GetProperty("inertia").GetDouble(), 1e-4);
        var xs = json.RootElement.GetProperty("centroids").EnumerateArray().Select(c => c[0].GetDouble()).Order();
        Assert.Equal([1.0, 10.0], xs);
    }

    private static void FailsWith(string path, string[] options, params string[] expected)
    {
        var run = CliRun.Of(CliData.FitArgs(path, 2, options));

        Assert.True(run.ExitCode == 2, run.ToString());
        foreach (string text in expected)
            Assert.Contains(text, run.Err);
    }

    [Theory]
    [InlineData("x,y")]
    [InlineData("0-1")]
    [InlineData("X,Y")]
    public void ParquetColumnsChosenByNameOrIndex(string columns) =>
        FitsTheTwoClusters(WriteParquet("points.parquet"), "--columns", columns);

    [Fact]
    public void ParquetWithSeveralRowGroupsAndNullableColumns() =>
        FitsTheTwoClusters(WriteParquet("groups.parquet", [2, 4, 0, 2, 4, 0], rowGroups: 3), "--columns", "x,y");

    [Fact]
    public void ParquetIntegerColumnsAreNumbers()
    {
        var run = CliRun.Of(CliData.FitArgs(WriteParquet("ints.parquet"), 2, "--columns", "id", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(1, json.RootElement.GetProperty("dimensions").GetInt32());
    }

    [Fact]
    public void ParquetByFormatOptionWhateverTheExtension() =>
        FitsTheTwoClusters(WriteParquet("points.data"), "--format", "parquet", "--columns", "x,y");

    [Fact]
    public void ParquetTextColumnIsNamedWithTheNumericOnes() =>
        FailsWith(WriteParquet("all.parquet"), [], "column 'species'", "not numbers", "--columns x,y,id");

    [Fact]
    public void ParquetMissingColumnIsNamed() =>
        FailsWith(WriteParquet("points.parquet"), ["--columns", "x,z"], "no column named 'z'", "x, y, id, species");

    [Fact]
    public void ParquetNullNamesRowAndColumn() =>
        FailsWith(WriteParquet("nulls.parquet", [2, 4, 0, 2, null, 0], rowGroups: 2), ["--columns", "x,y"],
            "row 4 (0-based), column 'y': null", "impute");

    [Fact]
    public void ParquetColumnPastTheLastIsNamed() =>
        FailsWith(WriteParquet("points.parquet"), ["--columns", "7"], "column 7 does not exist", "4 columns");

    [Fact]
    public void CsvReadAsParquetSaysSo() =>
        FailsWith(_dir.Write("points.csv", "1,2\n3,4\n"), ["--format", "parquet"], "not a readable Parquet file", "--format");

    [Theory]
    [InlineData("points.arrow", false)]
    [InlineData("points.feather", false)]
    [InlineData("points.arrows", true)]
    public void ArrowFileAndStream(string name, bool stream) =>
        FitsTheTwoClusters(WriteArrow(name, stream), "--columns", "x,y");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ArrowByFormatOption(bool stream) =>
        FitsTheTwoClusters(WriteArrow("points.bytes", stream), "--format", "arrow", "--columns", "0,1");

    [Fact]
    public void ArrowTextColumnIsNamed() =>
        FailsWith(WriteArrow("all.arrow", stream: false), [], "column 'species'", "--columns x,y,id");

    [Fact]
    public void ArrowNullNamesRowAndColumnAcrossBatches() =>
        FailsWith(WriteArrow("nulls.arrows", stream: true, nullInSecondBatch: true), ["--columns", "x,y"],
            "row 4 (0-based), column 'y': null");

    [Fact]
    public void ArrowMissingColumnIsNamed() =>
        FailsWith(WriteArrow("points.arrow", stream: false), ["--columns", "x,height"], "no column named 'height'");

    [Fact]
    public void PredictReadsParquetToo()
    {
        string centroids = _dir.Write("c.csv", "1,2\n10,2\n");

        var run = CliRun.Of("predict", WriteParquet("points.parquet"), "--columns", "x,y", "--centroids", centroids, "--backend", "cpu");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["0", "0", "0", "1", "1", "1"], run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
