using GpuKMeans.Tests.Readme;
using Microsoft.Playwright;
using Xunit;

namespace GpuKMeans.Tests.Report;

/// <summary>
/// Not a check: the one step of <c>scripts/make-docs-pictures.sh</c> that needs a browser. The script draws the README
/// walkthrough's pictures with its own commands and passes the report it wrote in <c>GPUKMEANS_DOCS_REPORT</c>; this
/// test screenshots that report into docs/report-screenshot.png. Runs only with <c>GPUKMEANS_WRITE_DOCS=1</c>.
/// </summary>
public sealed class DocsPictures
{
    [Fact]
    public async Task WriteReportScreenshot()
    {
        if (Environment.GetEnvironmentVariable("GPUKMEANS_WRITE_DOCS") != "1")
            Assert.Skip("renders docs/report-screenshot.png for scripts/make-docs-pictures.sh; set GPUKMEANS_WRITE_DOCS=1 to run");
        string report = Environment.GetEnvironmentVariable("GPUKMEANS_DOCS_REPORT")
            ?? throw new InvalidOperationException("GPUKMEANS_DOCS_REPORT names no report: run scripts/make-docs-pictures.sh");
        Assert.True(File.Exists(report), $"{report} does not exist");

        ChromiumFixture.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumFixture.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 880, Height = 900 }, DeviceScaleFactor = 1 });
        await page.GotoAsync(new Uri(Path.GetFullPath(report)).AbsoluteUri);
        await page.Locator("#slider").FillAsync("3"); // mid-way, so the picture shows the algorithm still moving
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Root(), "docs", "report-screenshot.png"), FullPage = true });
    }
}
