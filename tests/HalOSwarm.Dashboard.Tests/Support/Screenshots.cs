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

    /// <summary>The page at desktop and at phone width (full page each), then back at desktop width.</summary>
    public static async Task TakeAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.SetViewportSizeAsync(Viewports.Desktop.Width, Viewports.Desktop.Height);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{name}-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(Viewports.Phone.Width, Viewports.Phone.Height);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{name}-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(Viewports.Desktop.Width, Viewports.Desktop.Height);
    }
}
