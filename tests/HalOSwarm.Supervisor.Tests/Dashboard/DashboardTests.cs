using System.Net;
using System.Text.RegularExpressions;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Dashboard;

/// <summary>
/// The dashboard's session cookie over plain HTTP, as a browser would use it (the browser suite drives the pages): what it
/// opens, what it refuses, and that it ends with its token.
/// </summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task Root_NoCookie_RedirectsToTheSignInPageWhichHoldsNoSecret()
    {
        await using var host = await SupervisorHost.StartAsync();
        using var browser = Browser(host, out _);

        using var response = await browser.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/signin", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("?returnUrl=%2F", response.RequestMessage.RequestUri.Query);
        Assert.Contains("<title>Sign in · HAL-O-SWARM</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(SupervisorHost.Token, html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ViewerToken_CookieReadsTheApiButActingIsForbiddenAndAnOriginlessPostUnauthenticated()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-d", [AgentCommands.Session("ses_d")]);
        var viewer = await TokenIssuer.CreateAsync(host, "vera", "viewer");
        using var browser = Browser(host, out var cookies);

        var landed = await SignInAsync(browser, viewer, "/cost");

        Assert.Equal("/cost", landed);
        var cookie = Assert.Single(cookies.GetAllCookies(), c => c.Name == "hal_session");
        Assert.True(cookie.HttpOnly);
        Assert.DoesNotContain(viewer, cookie.Value, StringComparison.Ordinal);
        using (var nodes = await browser.GetAsync("/api/v1/nodes"))
        {
            Assert.Equal(HttpStatusCode.OK, nodes.StatusCode);
        }
        var before = await DbSnapshot.TakeAsync(host);
        // A forged kill from the viewer's browser: refused for the role, with or without the page's origin.
        using (var kill = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions/ses_d/kill"))
        {
            kill.Headers.Add("Origin", host.Api.BaseAddress!.GetLeftPart(UriPartial.Authority));
            using var refused = await browser.SendAsync(kill);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using (var originless = await browser.PostAsync("/api/v1/sessions/ses_d/kill", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, originless.StatusCode);
        }
        Assert.Null(await agent.TryReceiveCommandAsync(200));
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before, "audit_log");
    }

    [Fact]
    public async Task SignedIn_TokenRevoked_CookieNoLongerOpensPagesOrApi()
    {
        await using var host = await SupervisorHost.StartAsync();
        var op = await TokenIssuer.CreateAsync(host, "otto", "operator");
        using var browser = Browser(host, out _);
        Assert.Equal("/", await SignInAsync(browser, op, "/"));

        await TokenIssuer.RevokeAsync(host, "otto");

        using var page = await browser.GetAsync("/events");
        Assert.Equal("/signin", page.RequestMessage!.RequestUri!.AbsolutePath);
        using var api = await browser.GetAsync("/api/v1/nodes");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_LandsOnTheFleetInstead()
    {
        await using var host = await SupervisorHost.StartAsync();
        using var browser = Browser(host, out _);

        foreach (var evil in new[] { "//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)" })
        {
            Assert.Equal("/", await SignInAsync(browser, SupervisorHost.Token, evil));
        }
    }

    /// <summary>Posts the sign-in form as the page would (with its antiforgery field); returns the path it landed on.</summary>
    private static async Task<string> SignInAsync(HttpClient browser, string token, string returnUrl)
    {
        var form = await browser.GetStringAsync("/signin");
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, "no antiforgery field on the sign-in page");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = antiforgery.Groups[1].Value,
                ["token"] = token,
                ["returnUrl"] = returnUrl,
            }),
        };
        request.Headers.Add("Origin", browser.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var response = await browser.SendAsync(request);
        return response.RequestMessage!.RequestUri!.AbsolutePath;
    }

    private static HttpClient Browser(SupervisorHost host, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = host.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
