using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace HalOSwarm.Bench.Dashboard;

/// <summary>
/// The browser the dashboard scenario opens its dashboards in: one headless chromium (the distribution's, or
/// HAL_CHROMIUM) started through <c>nice -n 10</c> so it does not take the supervisor's CPU; one signed-in profile; each
/// dashboard a page of its own, that is a live Blazor circuit of its own on the supervisor.
/// </summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly string _wrapper;
    private readonly Uri _apiUrl;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, string wrapper, Uri apiUrl)
    {
        (_playwright, _browser, _context, _wrapper, _apiUrl) = (playwright, browser, context, wrapper, apiUrl);
    }

    public const float Timeout = 120_000;

    public List<IPage> Pages { get; } = [];

    public static async Task<DashboardBrowser> StartAsync(Uri apiUrl, HttpClient api, string runId, CancellationToken cancellationToken)
    {
        var chromium = Environment.GetEnvironmentVariable("HAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"no browser at {chromium}: install chromium or set HAL_CHROMIUM");
        }
        using var response = await api.PostAsJsonAsync("api/v1/tokens", new TokenRequest($"bench-dashboard-{runId}", "viewer"), DashboardJsonContext.Default.TokenRequest, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var token = body.RootElement.GetProperty("data").GetProperty("secret").GetString()!;

        var wrapper = Path.Combine(Path.GetTempPath(), $"hal-bench-chromium-{runId}.sh");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec nice -n 10 {chromium} \"$@\"\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = wrapper,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(Timeout);
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync(new Uri(apiUrl, "/signin").ToString());
        await signIn.FillAsync("#token", token);
        await signIn.ClickAsync("#signin-submit");
        await signIn.Locator("#hal-app[data-interactive='true']").WaitForAsync();
        await signIn.CloseAsync();
        return new DashboardBrowser(playwright, browser, context, wrapper, apiUrl);
    }

    /// <summary>Opens one more fleet page; returns navigation → live and the first session rows shown.</summary>
    public async Task<TimeSpan> OpenFleetAsync()
    {
        var page = await _context.NewPageAsync();
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(_apiUrl, "/").ToString());
        await page.Locator("[data-testid=session-row]").First.WaitForAsync();
        await page.Locator("#hal-app[data-interactive='true']").WaitForAsync();
        var elapsed = watch.Elapsed;
        Pages.Add(page);
        return elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
        File.Delete(_wrapper);
    }
}
