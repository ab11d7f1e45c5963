using System.Text.Json;
using System.Text.RegularExpressions;
using GpuKMeans.Cli.Report;
using GpuKMeans.Tests.Plots;

namespace GpuKMeans.Tests.Report;

/// <summary>Writes reports of small real fits into a temporary folder, and reads their data block back.</summary>
internal sealed partial class ReportFiles : IDisposable
{
    public ReportFiles() => Directory.CreateDirectory(Root);

    /// <summary>The temporary folder (deleted on dispose).</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "gpukmeans-report-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The notebook blobs (750 × 2), fitted with k = 3, random-row init, seed 0, history on.</summary>
    public static (ReportData Data, KMeansResult Result) NotebookReport(bool truth = true, bool elbow = true)
    {
        var blobs = PlotTestData.NotebookBlobs();
        var result = PlotTestData.FitWithHistory(blobs.Points, 2);
        List<(int K, double Inertia)>? rows = null;
        if (elbow)
        {
            rows = [];
            for (int k = 1; k <= 6; k++)
            {
                using var kmeans = new KMeans(new KMeansOptions { ClusterCount = k, Seed = 0, Backend = KMeansBackend.Cpu, InitCount = 1 });
                rows.Add((k, kmeans.Fit(blobs.Points, 2).Inertia));
            }
        }
        var data = new ReportData("Seed notebook 000: three blobs, k = 3", blobs.Points, 2, result.History,
            truth ? blobs.Labels : null, rows, "CPU (test)", Inertia: ReportData.InertiaOf(result));
        return (data, result);
    }

    /// <summary>Writes <paramref name="data"/>'s report as <paramref name="name"/> and returns its full path.</summary>
    public string Write(ReportData data, string name = "report.html")
    {
        string path = Path.Combine(Root, name);
        HtmlReport.Write(path, data);
        return path;
    }

    /// <summary>The parsed JSON data block of a written report.</summary>
    public static JsonDocument DataBlock(string html)
    {
        var match = DataBlockPattern().Match(html);
        if (!match.Success)
            throw new InvalidOperationException("no kmeans-data block");
        return JsonDocument.Parse(match.Groups[1].Value);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover temp folder must not fail a test */ }
    }

    [GeneratedRegex("""<script type="application/json" id="kmeans-data">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex DataBlockPattern();
}
