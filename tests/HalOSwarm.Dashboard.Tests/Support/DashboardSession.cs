using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using Microsoft.Playwright;

namespace HalOSwarm.Dashboard.Tests.Support;

/// <summary>What every dashboard test does: issue a user token, sign a fresh browser profile in with it, wait for the live page.</summary>
public static class DashboardSession
{
    /// <summary>How long a page may take to load and connect on a loaded two-core machine.</summary>
    public const float Timeout = 60_000;

    /// <summary>A user token with <paramref name="role"/>, issued through the API with the cluster's server token.</summary>
    internal static async Task<string> IssueTokenAsync(HalCluster cluster, string name, string role)
    {
        using var response = await cluster.Api.PostAsJsonAsync("api/v1/tokens", new { name, role });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create token {name}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("secret").GetString()!;
    }

    /// <summary>
    /// Opens <paramref name="path"/> in a new browser profile, which lands on the sign-in page; signs in with
    /// <paramref name="token"/> and returns the page once it is back on <paramref name="path"/> and live.
    /// </summary>
    internal static async Task<IPage> SignInAsync(BrowserFixture browser, HalCluster cluster, string token, string path = "/", ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(viewport);
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        await page.GotoAsync(cluster.SupervisorUrl + path);
        await page.WaitForURLAsync("**/signin?*");
        await page.FillAsync("#token", token);
        await page.ClickAsync("#signin-submit");
        await WaitLiveAsync(page);
        return page;
    }

    /// <summary>Waits until the page's live connection is up: clicks before then would be lost.</summary>
    public static Task WaitLiveAsync(IPage page) =>
        page.Locator("#hal-app[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
}
