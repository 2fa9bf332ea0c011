using Microsoft.Playwright;

namespace HalOSwarm.Dashboard.Tests.Support;

/// <summary>
/// One headless Chromium (the distribution's, driven by Playwright) for the whole run; each test opens its own
/// context (its own cookies) with <see cref="NewContextAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The browser binary: <c>HAL_CHROMIUM</c>, else the distribution's.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("HAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"no browser at {ExecutablePath}: install the chromium package (./dev test does) or set HAL_CHROMIUM");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser profile at desktop size, or <paramref name="viewport"/> (<see cref="Viewports"/>).</summary>
    public Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? Viewports.Desktop });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
