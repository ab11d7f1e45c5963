using System.Text.Json;
using GpuKMeans.Cli.Report;
using GpuKMeans.Tests.Plots;
using Microsoft.Playwright;
using Xunit;

namespace GpuKMeans.Tests.Report;

/// <summary>
/// The HTML report in a real browser: Debian's Chromium driven by Playwright (see <see cref="ChromiumFixture"/>),
/// every network request blocked. Skips when Chromium is absent.
/// </summary>
public sealed class ReportBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly ReportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Report_PlaysIterations_TogglesLayers_AndNeverTouchesTheNetwork()
    {
        var browser = await chromium.BrowserAsync();
        var (data, result) = ReportFiles.NotebookReport();
        int last = result.History[^1].Iteration;
        Assert.True(result.History.Count >= 4, $"only {result.History.Count} iterations: too few to play and pause");
        string path = _files.Write(data);
        string url = new Uri(path).AbsoluteUri;

        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 900, Height = 1400 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var requests = new List<string>();
        var blocked = new List<string>();
        var errors = new List<string>();
        page.Request += (_, request) => { lock (requests) requests.Add(request.Url); };
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        page.Console += (_, message) => { if (message.Type == "error") lock (errors) errors.Add(message.Text); };
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == url)
                await route.ContinueAsync();
            else
            {
                lock (blocked) blocked.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });

        await page.GotoAsync(url);
        var state = await State(page);
        Assert.Equal(last, state.Iteration);
        Assert.Equal(result.History.Count, state.Iterations);
        Assert.Equal(750, state.PointsDrawn);
        Assert.True(state.Boundaries && state.RegionsDrawn is > 0 and <= 3, "decision boundaries should be on and drawn at first, one polygon per cluster");
        Assert.Equal($"iteration {last} / {last}", await page.TextContentAsync("#iteration-label"));

        // The slider picks an iteration.
        await page.Locator("#slider").FillAsync("2");
        Assert.Equal(2, (await State(page)).Iteration);
        Assert.Equal($"iteration 2 / {last}", await page.TextContentAsync("#iteration-label"));
        await page.EvalOnSelectorAsync("#slider", "s => { s.value = '1'; s.dispatchEvent(new Event('input', { bubbles: true })); }");
        Assert.Equal(1, (await State(page)).Iteration);

        // Play advances on its own; Pause stops it.
        await page.ClickAsync("#play");
        Assert.True((await State(page)).Playing);
        await page.WaitForFunctionAsync("() => window.kmeansReport.state().iteration >= 2");
        await page.ClickAsync("#play");
        var paused = await State(page);
        Assert.False(paused.Playing);
        Assert.Equal("Play", (await page.TextContentAsync("#play"))?.Trim());
        // Paused means no timer is left to advance it; after two more frames it is still where it stopped.
        Assert.False(paused.TimerPending, "the player was paused but its interval timer is still pending");
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        Assert.Equal(paused.Iteration, (await State(page)).Iteration);

        // Step buttons move one iteration and stop playback; the speed choice sets the pace.
        await page.Locator("#slider").FillAsync("2");
        await page.ClickAsync("#next");
        Assert.Equal(3, (await State(page)).Iteration);
        await page.ClickAsync("#prev");
        await page.ClickAsync("#prev");
        state = await State(page);
        Assert.Equal(1, state.Iteration);
        Assert.True(await page.IsDisabledAsync("#prev"), "Previous should be disabled at the first iteration");
        Assert.Equal(700, state.IntervalMs);
        await page.SelectOptionAsync("#speed", "175");
        Assert.Equal(175, (await State(page)).IntervalMs);
        await page.ClickAsync("#play");
        await page.WaitForFunctionAsync("() => window.kmeansReport.state().iteration >= 3");
        await page.ClickAsync("#next");
        Assert.False((await State(page)).Playing);

        // The inertia of every iteration is charted; the two features share a unit, so the scatter has equal aspect;
        // the legend is beside the data, not on it.
        state = await State(page);
        Assert.Equal(result.History.Count, state.InertiaPointsDrawn);
        Assert.True(Math.Abs(state.UnitsPerPixel[0] / state.UnitsPerPixel[1] - 1) < 1e-6, $"units per pixel {state.UnitsPerPixel[0]} and {state.UnitsPerPixel[1]}");
        Assert.True(state.LegendOutside);
        Assert.Contains("Inertia", await page.TextContentAsync("#iteration-info"));

        // Decision boundaries off and on again.
        await page.UncheckAsync("#boundaries");
        state = await State(page);
        Assert.False(state.Boundaries);
        Assert.Equal(0, state.RegionsDrawn);
        await page.CheckAsync("#boundaries");
        Assert.True((await State(page)).RegionsDrawn > 0);

        // Colour by true label.
        string before = await page.EvalOnSelectorAsync<string>("#scatter", "c => c.toDataURL()");
        await page.CheckAsync("#truth");
        state = await State(page);
        Assert.True(state.Truth);
        Assert.Equal(750, state.PointsDrawn);
        Assert.NotEqual(before, await page.EvalOnSelectorAsync<string>("#scatter", "c => c.toDataURL()"));

        // The elbow chart.
        Assert.True(await page.IsVisibleAsync("#elbow"));
        Assert.Equal(6, (await State(page)).ElbowPointsDrawn);

        string screenshot = Path.Combine(_files.Root, "report.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);

        Assert.Empty(errors);
        Assert.Empty(blocked);
        Assert.All(requests, r => Assert.Equal(url, r));
    }

    [Fact]
    public async Task Report_OfManyPointsInFiveDimensions_WithoutTruthOrElbow_DrawsASubsampleQuickly()
    {
        var browser = await chromium.BrowserAsync();
        var blobs = PlotTestData.HighDimensionalBlobs(30_000, 5);
        KMeansResult result;
        using (var kmeans = new KMeans(new KMeansOptions
        {
            ClusterCount = 8, Seed = 0, RecordHistory = true, Backend = KMeansBackend.Cpu, InitCount = 1, MaxIterations = 6,
        }))
            result = kmeans.Fit(blobs.Points, 5, cancellationToken: TestContext.Current.CancellationToken);
        var data = new ReportData("30,000 points in 5-D, k = 8", blobs.Points, 5, result.History, null, null, "CPU");
        string url = new Uri(_files.Write(data, "big.html")).AbsoluteUri;

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(url);

        Assert.Equal(0, await page.Locator("#truth").CountAsync());
        Assert.Equal(0, await page.Locator("#elbow").CountAsync());
        var state = await State(page);
        Assert.False(state.Truth);
        Assert.Equal(0, state.ElbowPointsDrawn);
        Assert.Equal(ReportJson.MaxPoints, state.PointsDrawn);
        Assert.True(state.RegionsDrawn > 0);
        double milliseconds = await page.EvaluateAsync<double>("""
            () => { const s = document.getElementById("slider"), t0 = performance.now();
                    s.value = "1"; s.dispatchEvent(new Event("input")); return performance.now() - t0; }
            """);
        Assert.Equal(1, (await State(page)).Iteration);
        Assert.True(milliseconds < 1_000, $"redrawing 20,000 points took {milliseconds:F0} ms");
        Assert.Empty(errors);
    }

    /// <summary>The page's test hook, <c>window.kmeansReport.state()</c>.</summary>
    internal static async Task<HookState> State(IPage page)
    {
        string json = await page.EvaluateAsync<string>("() => JSON.stringify(window.kmeansReport.state())");
        return JsonSerializer.Deserialize<HookState>(json, JsonOptions)!;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>What <c>window.kmeansReport.state()</c> returns.</summary>
    internal sealed record HookState(
        int Iteration, int Index, int Iterations, bool Playing, bool TimerPending, bool Boundaries, bool Truth,
        int PointsDrawn, int RegionsDrawn, int ElbowPointsDrawn, int IntervalMs = 0, int InertiaPointsDrawn = 0,
        double[]? UnitsPerPixel = null, bool LegendOutside = false)
    {
        /// <summary>Units per pixel along x and y of the scatter's data area.</summary>
        public double[] UnitsPerPixel { get; init; } = UnitsPerPixel ?? [];
    }
}
