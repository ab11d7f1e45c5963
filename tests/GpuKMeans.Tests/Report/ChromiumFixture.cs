using Microsoft.Playwright;
using Xunit;

namespace GpuKMeans.Tests.Report;

/// <summary>
/// One headless Debian Chromium (<c>/usr/bin/chromium</c>, installed by <c>.ci/install-chromium.sh</c>) shared by
/// the browser tests of a class, started on first use, with everything that could reach the network turned off.
/// Playwright's own browsers are never downloaded; its driver ships in the NuGet package (<c>.playwright/</c>).
/// </summary>
public sealed class ChromiumFixture : IAsyncDisposable
{
    /// <summary>Debian's Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Skips the calling test when Chromium is not installed.</summary>
    public static void RequireChromium()
    {
        if (!File.Exists(ChromiumPath))
            Assert.Skip($"chromium not installed: {ChromiumPath} is missing (run .ci/install-chromium.sh, i.e. apt-get install chromium)");
    }

    /// <summary>Launches headless Chromium with the network-related features off.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"],
    });

    /// <summary>The shared browser (skips the test when Chromium is missing).</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        RequireChromium();
        await _gate.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            return _browser ??= await LaunchAsync(_playwright);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
