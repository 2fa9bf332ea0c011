using HalOSwarm.Testing;
using Microsoft.Playwright;

namespace HalOSwarm.Dashboard.Tests.Support;

/// <summary>
/// Screenshots kept as test artifacts: <c>TestResults/screenshots/NAME-desktop.png</c> and <c>NAME-phone.png</c> under
/// the repository (or <c>HAL_ARTIFACTS_DIR</c>).
/// </summary>
public static class Screenshots
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("HAL_ARTIFACTS_DIR") is { Length: > 0 } dir
            ? Path.Combine(dir, "screenshots")
            : Path.Combine(RepoPaths.Root, "TestResults", "screenshots");

    /// <summary>
    /// The page as it is (desktop width), and the same address opened in a phone-sized browser profile with the same
    /// cookies, as a phone would show it (full page each).
    /// </summary>
    public static async Task TakeAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{name}-desktop.png"), FullPage = true });
        var cookies = await page.Context.StorageStateAsync();
        await using var phone = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = Viewports.Phone,
            StorageState = cookies,
            IsMobile = true,
            HasTouch = true,
        });
        var small = await phone.NewPageAsync();
        await small.GotoAsync(page.Url);
        if (!page.Url.Contains("/signin", StringComparison.Ordinal))
        {
            await DashboardSession.WaitLiveAsync(small);
        }
        await small.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{name}-phone.png"), FullPage = true });
    }
}
