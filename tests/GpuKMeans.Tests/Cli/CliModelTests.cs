using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// <c>fit --model</c> and <c>predict</c>/<c>transform</c>/<c>score --model</c>: the model file carries the scaler, so
/// raw points give the answers that the scaled points give against the scaled centroids.
/// </summary>
public sealed class CliModelTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>x spread over thousands, y over units: standardising changes which centroid is nearest for many points.</summary>
    private static string UnevenCsv(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("price,ratio\n");
        for (int i = 0; i < rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"{1000 * random.NextDouble():R},{random.NextDouble():R}\n");
        return text.ToString();
    }

    private static int[] Labels(string path) => [.. File.ReadAllLines(path).Select(l => int.Parse(l, CultureInfo.InvariantCulture))];

    private static CliRun Ok(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    /// <summary>Scales the rows of a CSV (header kept) with the model's own offsets and scales.</summary>
    private static string ScaledCsv(string csv, JsonNode model)
    {
        double[] offsets = [.. model["scaling"]!["offsets"]!.AsArray().Select(v => (double)v!)];
        double[] scales = [.. model["scaling"]!["scales"]!.AsArray().Select(v => (double)v!)];
        var lines = csv.TrimEnd('\n').Split('\n');
        var text = new StringBuilder(lines[0] + "\n");
        foreach (var line in lines.Skip(1))
        {
            var values = line.Split(',').Select((v, j) => (float)((float.Parse(v, CultureInfo.InvariantCulture) - offsets[j]) / scales[j]));
            text.AppendLine(string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }
        return text.ToString();
    }

    [Fact]
    public void ModelOnRawDataEqualsCentroidsOnScaledData()
    {
        string train = _dir.Write("train.csv", UnevenCsv(300, seed: 1));
        string newCsv = UnevenCsv(200, seed: 2);
        string fresh = _dir.Write("new.csv", newCsv);
        string modelPath = _dir.PathOf("model.json"), fitLabels = _dir.PathOf("fit.csv"), centroids = _dir.PathOf("centroids.csv");
        var fit = Ok(CliData.FitArgs(train, 4, "--scale", "standard", "--model", modelPath, "--labels", fitLabels,
            "--centroids", centroids, "--json"));
        Assert.Equal(modelPath, JsonDocument.Parse(fit.Out).RootElement.GetProperty("modelFile").GetString());

        var model = JsonNode.Parse(File.ReadAllText(modelPath))!;
        Assert.Equal(["price", "ratio"], model["featureNames"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(300, (long)model["training"]!["rows"]!);
        Assert.Equal(0, (int)model["options"]!["seed"]!);
        Assert.Equal(4, (int)model["clusterCount"]!);
        string scaledCentroids = _dir.Write("scaled-centroids.csv", string.Join('\n',
            model["centroids"]!.AsArray().Select(row => string.Join(',', row!.AsArray().Select(v => ((float)v!).ToString("R", CultureInfo.InvariantCulture))))) + "\n");
        string scaled = _dir.Write("new-scaled.csv", ScaledCsv(newCsv, model));

        // The training data back through the model: the fit's own labels.
        Ok("predict", train, "--model", modelPath, "--labels", _dir.PathOf("again.csv"), "--backend", "cpu");
        Assert.Equal(Labels(fitLabels), Labels(_dir.PathOf("again.csv")));

        // New raw data through the model = new scaled data against the scaled centroids.
        Ok("predict", fresh, "--model", modelPath, "--labels", _dir.PathOf("by-model.csv"), "--backend", "cpu");
        Ok("predict", scaled, "--centroids", scaledCentroids, "--labels", _dir.PathOf("by-scaled.csv"), "--backend", "cpu");
        Assert.Equal(Labels(_dir.PathOf("by-scaled.csv")), Labels(_dir.PathOf("by-model.csv")));

        // ... and not what the original-unit centroids give on the raw data: the units matter here.
        Ok("predict", fresh, "--centroids", centroids, "--labels", _dir.PathOf("by-raw.csv"), "--backend", "cpu");
        Assert.NotEqual(Labels(_dir.PathOf("by-raw.csv")), Labels(_dir.PathOf("by-model.csv")));

        var byModel = Ok("transform", fresh, "--model", modelPath, "--backend", "cpu").Out;
        var byScaled = Ok("transform", scaled, "--centroids", scaledCentroids, "--backend", "cpu").Out;
        AssertCsvClose(byScaled, byModel, rows: 200, columns: 4);

        double modelScore = JsonDocument.Parse(Ok("score", fresh, "--model", modelPath, "--json", "--backend", "cpu").Out).RootElement.GetProperty("score").GetDouble();
        double scaledScore = JsonDocument.Parse(Ok("score", scaled, "--centroids", scaledCentroids, "--json", "--backend", "cpu").Out).RootElement.GetProperty("score").GetDouble();
        Assert.Equal(scaledScore, modelScore, 1e-3);
        Assert.True(modelScore < 0);
    }

    [Fact]
    public void TransformWritesAFileAndScorePrintsASummary()
    {
        string input = _dir.Write("points.csv", "1,2\n1,4\n1,0\n10,2\n10,4\n10,0\n");
        string modelPath = _dir.PathOf("m.json");
        Ok(CliData.FitArgs(input, 2, "--model", modelPath));

        Ok("transform", input, "--model", modelPath, "--out", _dir.PathOf("d.csv"), "--backend", "cpu");
        var rows = File.ReadAllLines(_dir.PathOf("d.csv"));
        Assert.Equal(6, rows.Length);
        Assert.All(rows, row => Assert.Equal(2, row.Split(',').Length));
        // (1, 2) is at the centroid (1, 2) and 9 from (10, 2), whichever numbering the fit chose.
        Assert.Equal([0f, 9f], rows[0].Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).Order());

        var score = Ok("score", input, "--model", modelPath, "--backend", "cpu");
        Assert.Contains("Inertia", score.Out);
        Assert.Contains("16", score.Out);
        Assert.Contains("-16", score.Out);
    }

    [Theory]
    [InlineData("predict")]
    [InlineData("transform")]
    [InlineData("score")]
    public void NeitherOrBothModelAndCentroidsIsAUsageError(string command)
    {
        string input = _dir.Write("p.csv", "1,2\n");
        string centroids = _dir.Write("c.csv", "1,2\n");
        var neither = CliRun.Of(command, input, "--backend", "cpu");
        Assert.True(neither.ExitCode == 2, neither.ToString());
        Assert.Contains($"{command} needs --model", neither.Err);
        Assert.Contains("--centroids", neither.Err);

        var both = CliRun.Of(command, input, "--model", centroids, "--centroids", centroids, "--backend", "cpu");
        Assert.True(both.ExitCode == 2, both.ToString());
        Assert.Contains("--model and --centroids both given", both.Err);
    }

    [Theory]
    [InlineData("1,2\n3,4\n", "is not a valid GpuKMeans model file")]
    [InlineData("{\"k\": 2}", "is JSON but not a GpuKMeans model")]
    [InlineData("{\"format\": \"gpukmeans-model\", \"formatVersion\": 7}", "has formatVersion 7")]
    public void AForeignOrNewerModelFileIsNamed(string content, string expected)
    {
        string input = _dir.Write("p.csv", "1,2\n");
        string model = _dir.Write("model.json", content);
        var run = CliRun.Of("predict", input, "--model", model, "--backend", "cpu");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--model: ", run.Err);
        Assert.Contains("model.json", run.Err);
        Assert.Contains(expected, run.Err);

        var missing = CliRun.Of("score", input, "--model", _dir.PathOf("absent.json"), "--backend", "cpu");
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("--model: file not found", missing.Err);
    }

    [Fact]
    public void WidthMismatchNamesTheModelsFeatures()
    {
        string modelPath = _dir.PathOf("m.json");
        Ok(CliData.FitArgs(_dir.Write("xy.csv", "x,y\n1,2\n3,4\n5,6\n"), 2, "--model", modelPath));
        var run = CliRun.Of("predict", _dir.Write("three.csv", "1,2,3\n"), "--model", modelPath, "--backend", "cpu");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("m.json was fitted on 2 features (x, y) but", run.Err);
        Assert.Contains("three.csv has 3 per point", run.Err);
    }

    [Fact]
    public void AnUnwritableModelPathFailsBeforeTheFit()
    {
        string input = _dir.Write("p.csv", "1,2\n3,4\n");
        var run = CliRun.Of(CliData.FitArgs(input, 1, "--model", _dir.PathOf("missing-dir/m.json")));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--model: directory not found", run.Err);

        var same = CliRun.Of(CliData.FitArgs(input, 1, "--model", _dir.PathOf("o.json"), "--centroids", _dir.PathOf("o.json")));
        Assert.True(same.ExitCode == 2, same.ToString());
        Assert.Contains("--centroids and --model name the same file", same.Err);
    }

    private static void AssertCsvClose(string expected, string actual, int rows, int columns)
    {
        var e = expected.TrimEnd('\n').Split('\n');
        var a = actual.TrimEnd('\n').Split('\n');
        Assert.Equal(rows, e.Length);
        Assert.Equal(rows, a.Length);
        for (int i = 0; i < rows; i++)
        {
            var ev = e[i].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var av = a[i].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(columns, av.Length);
            for (int j = 0; j < columns; j++)
                Assert.True(Math.Abs(ev[j] - av[j]) <= 1e-4 * (1 + Math.Abs(ev[j])), $"row {i}, column {j}: {ev[j]} vs {av[j]}");
        }
    }
}
