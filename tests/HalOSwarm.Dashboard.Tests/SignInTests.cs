using HalOSwarm.Dashboard.Tests.Support;
using HalOSwarm.Integration.Tests.Harness;
using Microsoft.Playwright;

namespace HalOSwarm.Dashboard.Tests;

/// <summary>Signing in: a token is exchanged for an HTTP-only cookie and kept nowhere a page script could read it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignIn_OperatorToken_OpensTheFleetWithAnHttpOnlyCookieAndTheTokenNowhereInThePage()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        var token = await DashboardSession.IssueTokenAsync(cluster, "alice", "operator");

        var page = await DashboardSession.SignInAsync(browser, cluster, token, "/events");

        Assert.EndsWith("/events", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#hal-user")).ToHaveTextAsync("alice · operator");
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "hal_session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.DoesNotContain(token, session.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        var stored = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("hal_session", stored, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WrongTokenThenNodeToken_StaysOnTheSignInPageWithTheReason()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(cluster.SupervisorUrl + "/signin");
        await Screenshots.TakeAsync(page, "signin");

        await page.FillAsync("#token", "not-a-token-of-this-supervisor");
        await page.ClickAsync("#signin-submit");
        await Assertions.Expect(page.Locator("#signin-error")).ToContainTextAsync("not one this supervisor knows");

        using var enroll = await cluster.Api.PostAsync("api/v1/nodes/worker-1/enroll", null);
        var nodeToken = System.Text.Json.JsonDocument.Parse(await enroll.Content.ReadAsStringAsync()).RootElement
            .GetProperty("data").GetProperty("secret").GetString()!;
        await page.FillAsync("#token", nodeToken);
        await page.ClickAsync("#signin-submit");
        await Assertions.Expect(page.Locator("#signin-error")).ToContainTextAsync("node token");
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "hal_session");
        await context.CloseAsync();
    }

    [Fact]
    public async Task SignInLink_OpenedTwice_SignsInTheFirstTimeOnly()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        var link = await cluster.CtlAsync("dashboard", "link");
        Assert.Equal(0, link.ExitCode);
        var url = link.StdOut.Trim();

        var first = await browser.NewContextAsync();
        var page = await first.NewPageAsync();
        await page.GotoAsync(url);
        await DashboardSession.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("#hal-user")).ToHaveTextAsync("server · admin");

        var second = await browser.NewContextAsync();
        var again = await second.NewPageAsync();
        await again.GotoAsync(url);
        await Assertions.Expect(again.Locator("#signin-error")).ToContainTextAsync("already used or has expired");
        await first.CloseAsync();
        await second.CloseAsync();
    }
}
