using HalOSwarm.Dashboard.Tests.Support;
using HalOSwarm.Integration.Tests.Harness;
using Microsoft.Playwright;

namespace HalOSwarm.Dashboard.Tests;

/// <summary>The frame every page shares: navigation, theme, and a page that stays live through a phone's rotation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture browser)
{
    [Fact]
    public async Task Layout_ResizedToPhoneWidthAndBack_StaysLiveAndTheThemeToggles()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        var page = await DashboardSession.SignInAsync(browser, cluster, HalCluster.Token, "/search");

        await Screenshots.TakeAsync(page, "search");

        var theme = page.Locator("#hal-theme");
        var before = await theme.GetAttributeAsync("aria-label");
        await theme.ClickAsync();
        await Assertions.Expect(theme).Not.ToHaveAttributeAsync("aria-label", before!, new() { Timeout = DashboardSession.Timeout });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Layout_PhoneWidth_MenuOpensTheNavigationAndALinkNavigates()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        var page = await DashboardSession.SignInAsync(browser, cluster, HalCluster.Token, "/", Viewports.Phone);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit" })).Not.ToBeInViewportAsync(new() { Timeout = DashboardSession.Timeout });

        await page.GetByLabel("menu").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();

        await page.WaitForURLAsync("**/audit", new() { Timeout = DashboardSession.Timeout });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Audit", new() { Timeout = DashboardSession.Timeout });
        await page.Context.CloseAsync();
    }
}
