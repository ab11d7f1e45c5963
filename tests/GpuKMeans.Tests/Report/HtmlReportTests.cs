using System.Collections.Immutable;
using System.Text.Json;
using GpuKMeans.Cli.Plots;
using GpuKMeans.Cli.Report;
using GpuKMeans.Cli.Scaling;
using GpuKMeans.Tests.Plots;
using Xunit;

namespace GpuKMeans.Tests.Report;

/// <summary>The HTML report's file, without a browser: self-contained, escaped, and its data block complete.</summary>
public sealed class HtmlReportTests : IDisposable
{
    private readonly ReportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Report_IsOneSelfContainedFile_WithTheControls()
    {
        var (data, _) = ReportFiles.NotebookReport();
        string html = File.ReadAllText(_files.Write(data));

        foreach (string id in new[] { "play", "prev", "next", "speed", "slider", "iteration-label", "boundaries", "truth", "scatter", "inertia", "elbow" })
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        foreach (string external in new[] { "http:", "https:", "//cdn", "src=", "href=", "<link", "@import", "url(", "fetch(", "XMLHttpRequest" })
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
        Assert.Contains("window.kmeansReport", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithoutTruthOrElbow_LeavesTheirControlsOut()
    {
        var (data, _) = ReportFiles.NotebookReport(truth: false, elbow: false);
        string html = File.ReadAllText(_files.Write(data));

        Assert.DoesNotContain("id=\"truth\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"elbow\"", html, StringComparison.Ordinal);
        using var json = ReportFiles.DataBlock(html);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("truth").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("elbow").ValueKind);
    }

    [Fact]
    public void DataBlock_RebuildsEveryIterationsLabels()
    {
        var (data, result) = ReportFiles.NotebookReport();
        using var json = ReportFiles.DataBlock(File.ReadAllText(_files.Write(data)));
        var root = json.RootElement;

        Assert.Equal(result.History.Count, root.GetProperty("iterations").GetArrayLength());
        Assert.Equal(750, root.GetProperty("x").GetArrayLength());
        Assert.Equal(3, root.GetProperty("k").GetInt32());
        int[] labels = [.. root.GetProperty("labels0").EnumerateArray().Select(e => e.GetInt32())];
        Assert.Equal(result.History[0].Labels, labels);
        var changes = root.GetProperty("changes").EnumerateArray().ToArray();
        for (int t = 1; t < result.History.Count; t++)
        {
            int[] c = [.. changes[t - 1].EnumerateArray().Select(e => e.GetInt32())];
            for (int j = 0; j < c.Length; j += 2)
                labels[c[j]] = c[j + 1];
            Assert.Equal(result.History[t].Labels, labels);
        }
        Assert.All(root.GetProperty("x").EnumerateArray(), e => Assert.InRange(e.GetInt32(), 0, 10_000));
        Assert.Equal(6, root.GetProperty("elbow").GetArrayLength());
    }

    [Fact]
    public void ManyPoints_AreSubsampledForThePage()
    {
        var blobs = PlotTestData.HighDimensionalBlobs(50_000, 4);
        var snapshot = new KMeansIterationSnapshot(1, [.. PlotTestData.Means(blobs.Points, 4, blobs.Labels, 3)], [.. blobs.Labels]);
        string html = File.ReadAllText(_files.Write(new ReportData("big", blobs.Points, 4, [snapshot], null, null, "CPU")));

        using var json = ReportFiles.DataBlock(html);
        Assert.Equal(ReportJson.MaxPoints, json.RootElement.GetProperty("x").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("isPca").GetBoolean());
        Assert.Contains("showing 20,000 of 50,000 points", html, StringComparison.Ordinal);
        Assert.Contains("PCA projection of 4 features", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_IsEscapedInTheMarkupAndTheData()
    {
        var (data, _) = ReportFiles.NotebookReport(truth: false, elbow: false);
        string html = File.ReadAllText(_files.Write(data with { Title = "a <b> & </script><script>alert(1)</script>" }));

        Assert.Contains("a &lt;b&gt; &amp; &lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</script><script>", html, StringComparison.Ordinal);
        using var json = ReportFiles.DataBlock(html);
        Assert.Equal("a <b> & </script><script>alert(1)</script>", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void BadData_Throws()
    {
        var (data, _) = ReportFiles.NotebookReport(truth: false, elbow: false);
        string path = Path.Combine(_files.Root, "bad.html");

        Assert.Throws<ArgumentException>(() => HtmlReport.Write(path, data with { History = [] }));
        Assert.Throws<ArgumentException>(() => HtmlReport.Write(path, data with { TruthLabels = [1, 2] }));
        Assert.Throws<ArgumentException>(() => HtmlReport.Write(path, data with { Points = [.. data.Points.Skip(1)] }));
        var badLabel = new KMeansIterationSnapshot(1, data.History[0].Centroids, [.. Enumerable.Repeat(7, 750)]);
        Assert.Throws<ArgumentException>(() => HtmlReport.Write(path, data with { History = [badLabel] }));
    }

    [Fact]
    public void TruthColours_FollowTheClustersTheClassesFallIn()
    {
        int[] truth = [10, 10, 10, 20, 20, 20, 30, 30, 99];
        ImmutableArray<int> final = [2, 2, 0, 0, 0, 0, 1, 1, 1];

        var (classes, colourOf) = ReportJson.MatchTruthColours(truth, final, 3);

        Assert.Equal(new[] { 10, 20, 30, 99 }, classes);
        Assert.Equal(new[] { 2, 0, 1, 3 }, colourOf);
    }

    [Fact]
    public void DataBlock_HasTheInertiaOfEveryIteration_AndEqualAspectForUnscaledFeatures()
    {
        var (data, result) = ReportFiles.NotebookReport();
        using var json = ReportFiles.DataBlock(File.ReadAllText(_files.Write(data)));
        var root = json.RootElement;

        double[] inertia = [.. root.GetProperty("inertia").EnumerateArray().Select(e => e.GetDouble())];
        Assert.Equal(result.History.Count, inertia.Length);
        double lastStep = result.IterationStats.Last(s => s.Run == result.Run).Inertia;
        Assert.Equal(lastStep, inertia[^1], 1e-9 * lastStep); // what the last recorded iteration's assignment cost
        Assert.All(inertia.Zip(inertia.Skip(1)), pair => Assert.True(pair.Second <= pair.First * (1 + 1e-9), "Lloyd's inertia rose"));
        Assert.True(root.GetProperty("equalAspect").GetBoolean());
        Assert.Equal("x0", root.GetProperty("xLabel").GetString());
        Assert.Equal([1.0, 1.0], root.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void ScaledFeatures_AreShownInOriginalUnits_AndThePageSaysSo()
    {
        var blobs = PlotTestData.HighDimensionalBlobs(300, 2);
        float[] raw = [.. blobs.Points.Select((v, i) => i % 2 == 0 ? 100 + 20 * v : 1000 + v)];
        var scaler = FeatureScaler.Fit(ScaleMethod.Standard, raw, 2);
        float[] scaled = scaler.Transform(raw);
        var result = PlotTestData.FitWithHistory(scaled, 2);
        var data = new ReportData("scaled", scaled, 2, result.History, null, null, "CPU",
            FeatureSpace.Of(["width", "height"], 2, scaler), ReportData.InertiaOf(result));

        string html = File.ReadAllText(_files.Write(data));

        Assert.DoesNotContain("as they are", html, StringComparison.Ordinal);
        Assert.Contains("width against height in their original units", html, StringComparison.Ordinal);
        Assert.Contains("standard-scaled units", html, StringComparison.Ordinal);
        using var json = ReportFiles.DataBlock(html);
        var root = json.RootElement;
        Assert.Equal("width", root.GetProperty("xLabel").GetString());
        Assert.Equal("height", root.GetProperty("yLabel").GetString());
        double[] bounds = [.. root.GetProperty("bounds").EnumerateArray().Select(e => e.GetDouble())];
        Assert.True(bounds[0] > 50 && bounds[1] < 250 && bounds[2] > 990 && bounds[3] < 1010, $"bounds {string.Join(", ", bounds)} are not in original units");
        Assert.False(root.GetProperty("equalAspect").GetBoolean());
        Assert.Equal(1 / (scaler.UnitOf(1) * scaler.UnitOf(1)), root.GetProperty("weights")[1].GetDouble(), 1e-9);
        Assert.Equal("standard-scaled units", root.GetProperty("inertiaUnits").GetString());
    }

    [Fact]
    public void ScaledPca_SaysTheComponentsAreOfScaledFeatures()
    {
        var blobs = PlotTestData.HighDimensionalBlobs(300, 4);
        var scaler = FeatureScaler.Fit(ScaleMethod.Standard, blobs.Points, 4);
        float[] scaled = scaler.Transform(blobs.Points);
        var result = PlotTestData.FitWithHistory(scaled, 4);
        var data = new ReportData("pca", scaled, 4, result.History, null, null, "CPU", FeatureSpace.Of(null, 4, scaler));

        string html = File.ReadAllText(_files.Write(data));

        Assert.Contains("PCA projection of 4 standard-scaled features", html, StringComparison.Ordinal);
        using var json = ReportFiles.DataBlock(html);
        Assert.EndsWith("of standard-scaled features", json.RootElement.GetProperty("xLabel").GetString());
        Assert.True(json.RootElement.GetProperty("equalAspect").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("inertia").ValueKind);
    }
}
