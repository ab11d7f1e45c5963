using System.Globalization;
using GpuKMeans.Cli.Demo;
using GpuKMeans.Cli.Plots;
using GpuKMeans.Cli.Report;
using GpuKMeans.Tests.Plots;
using Microsoft.Playwright;
using Xunit;

namespace GpuKMeans.Tests.Report;

/// <summary>
/// Not a check: renders the pictures of docs/WALKTHROUGH.md into the repository's docs folder. Runs only with
/// <c>GPUKMEANS_WRITE_DOCS=1</c>; skipped otherwise.
/// </summary>
public sealed class DocsPictures
{
    [Fact]
    public async Task WriteDocsPictures()
    {
        if (Environment.GetEnvironmentVariable("GPUKMEANS_WRITE_DOCS") != "1")
            Assert.Skip("renders docs/*.png; set GPUKMEANS_WRITE_DOCS=1 to run");
        string docs = Path.Combine(RepositoryRoot(), "docs");
        Directory.CreateDirectory(Path.Combine(docs, "data"));

        // Seed notebook 000: 750 points around (1, 1), (−1, −1), (1, −1), std 0.4, standardised.
        // (what 'gpukmeans generate blobs --n 750 --centers "1,1;-1,-1;1,-1" --std 0.4 --seed 0' writes, then --scale standard)
        var blobs = PlotTestData.NotebookBlobs();

        var fit = Fit(blobs.Points, 2, 3, KMeansInitMethod.RandomRows);
        ClusterPlot.Save(Path.Combine(docs, "clusters.png"), blobs.Points, 2, fit.Labels.AsSpan(), fit.Centroids.AsSpan(), 3,
            "Seed notebook 000: k-means, k = 3");
        IterationsPlot.Save(Path.Combine(docs, "iterations.png"), blobs.Points, 2, fit.History);
        var elbow = Enumerable.Range(1, 9).Select(k => (k, Fit(blobs.Points, 2, k, KMeansInitMethod.KMeansPlusPlus).Inertia)).ToList();
        ElbowPlot.Save(Path.Combine(docs, "elbow.png"), elbow, "Elbow Method");

        string report = Path.Combine(Path.GetTempPath(), $"gpukmeans-docs-{Guid.NewGuid():N}.html");
        HtmlReport.Write(report, new ReportData("Seed notebook 000: k-means, k = 3", blobs.Points, 2, fit.History,
            blobs.Labels, elbow, $"{fit.BackendName} ({fit.DeviceName})"));
        await Screenshot(report, Path.Combine(docs, "report-screenshot.png"));
        File.Delete(report);

        // Iris (Fisher 1936), four features standardised, k = 3: drawn in its PCA projection.
        var (iris, species) = ReadIris(Path.Combine(docs, "data", "iris.csv"));
        Assert.Equal(150, species.Length);
        float[] scaled = StandardScaler.Standardize(iris, 4);
        var irisFit = Fit(scaled, 4, 3, KMeansInitMethod.KMeansPlusPlus, initCount: 10); // inertia 139.82, sizes 50/53/47
        ClusterPlot.Save(Path.Combine(docs, "iris-clusters.png"), scaled, 4, irisFit.Labels.AsSpan(), irisFit.Centroids.AsSpan(), 3,
            "Iris, k = 3");
    }

    private static KMeansResult Fit(float[] points, int dims, int k, KMeansInitMethod init, int? initCount = null)
    {
        using var kmeans = new KMeans(new KMeansOptions
        {
            ClusterCount = k, Seed = 0, Init = init, InitCount = initCount, RecordHistory = true, Backend = KMeansBackend.Cpu,
        });
        return kmeans.Fit(points, dims);
    }

    private static async Task Screenshot(string reportPath, string pngPath)
    {
        ChromiumFixture.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumFixture.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 880, Height = 900 }, DeviceScaleFactor = 1 });
        await page.GotoAsync(new Uri(reportPath).AbsoluteUri);
        await page.Locator("#slider").FillAsync("3"); // mid-way, so the picture shows the algorithm still moving
        await page.ScreenshotAsync(new() { Path = pngPath, FullPage = true });
    }

    private static (float[] Points, string[] Species) ReadIris(string path)
    {
        var rows = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        float[] points = [.. rows.SelectMany(r => r.Take(4).Select(v => float.Parse(v, CultureInfo.InvariantCulture)))];
        return (points, [.. rows.Select(r => r[4])]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GpuKMeans.sln")))
                return dir.FullName;
        throw new InvalidOperationException("GpuKMeans.sln not found above " + AppContext.BaseDirectory);
    }
}
