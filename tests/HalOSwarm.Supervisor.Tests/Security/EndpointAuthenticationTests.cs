using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace HalOSwarm.Supervisor.Tests.Security;

/// <summary>
/// Authentication hangs on the endpoints: every mapped endpoint, read from the host's endpoint data source (so a new one
/// cannot be left out), refuses a request with no token, a wrong token, or a path in another case, unless it is marked
/// anonymous.
/// </summary>
public sealed class EndpointAuthenticationTests
{
    // The dashboard's sign-in is open (SignInTests in the dashboard suite: a wrong token opens nothing); its static files
    // too (checked apart: one endpoint per file). The chat platforms' endpoints take no bearer token: each checks its platform's signature or secret and answers 401
    // without it (Channels tests: DiscordHttpInteractionsTests, SlackHttpHooksTests, TelegramWebhookTests).
    private static readonly string[] s_anonymous =
    [
        "/healthz", "/readyz", "/signin", "/auth/signin", "/auth/signout", "/auth/link/xcode",
        "/api/v1/channels/discord/interactions", "/api/v1/channels/slack/commands", "/api/v1/channels/slack/interactions",
        "/api/v1/channels/telegram/webhook",
    ];

    [Fact]
    public async Task EveryEndpoint_NoTokenWrongTokenOrOtherCase_Returns401UnlessAnonymous()
    {
        await using var host = await SupervisorHost.StartAsync();
        var all = host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var staticFiles = all.Where(e => e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")).ToList();
        Assert.All(staticFiles, e => Assert.Matches(@"^(_content/|_framework/|dashboard\.|hal-supervisor\.)[^{}]*$", e.RoutePattern.RawText));
        var endpoints = all.Except(staticFiles).ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} endpoints found");
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => Path(e.RoutePattern)).Distinct().ToList();
        Assert.Equal(s_anonymous.Order(), anonymous.Order());
        var before = await DbSnapshot.TakeAsync(host);

        var checkedRequests = 0;
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var path = Path(endpoint.RoutePattern);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var port = path == "/ws/agent" ? host.Port : host.HttpPort;
            var page = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == "dashboard");
            foreach (var method in methods)
            {
                foreach (var variant in Variants(path))
                {
                    if (page)
                    {
                        // A page answers a browser: to the sign-in page, whatever bearer header it brings.
                        foreach (var token in new[] { null, "wrong-token-0123456789abcdef" })
                        {
                            var (status, location) = await SendWithoutRedirectAsync(port, method, variant, token);
                            Assert.True(status == HttpStatusCode.Redirect && location.StartsWith("/signin?returnUrl=", StringComparison.Ordinal),
                                $"{method} {variant} -> {(int)status} {location}");
                            checkedRequests++;
                        }
                        continue;
                    }
                    foreach (var token in new[] { null, "wrong-token-0123456789abcdef" })
                    {
                        var (status, body) = await SendAsync(port, method, variant, token);
                        Assert.True(status == HttpStatusCode.Unauthorized, $"{method} {variant} with {(token is null ? "no token" : "a wrong token")} -> {(int)status}");
                        if (method != "HEAD") // a HEAD answer has no body
                        {
                            Assert.Equal("unauthorized", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
                        }
                        checkedRequests++;
                    }
                }
            }
        }

        Assert.True(checkedRequests > 100, $"{checkedRequests} requests");
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Fact]
    public async Task StartProject_UpperCasePathNoTokenWithActorHeader_401AndNoCommandOrAuditRow()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-a");
        var before = await DbSnapshot.TakeAsync(host);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.HttpPort}") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/API/v1/projects/alpha/start")
        {
            Content = new StringContent("""{"prompt":"rm -rf /"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Hal-Actor", "policy:kill_on_cost");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        await Assert.ThrowsAsync<TimeoutException>(() => agent.ReceiveAsync(Protocol.MessageTypes.Command, 500));
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Fact]
    public async Task EventStream_OtherCaseNoToken_401BeforeAnyEvent()
    {
        await using var host = await SupervisorHost.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.HttpPort}") };

        using var response = await client.GetAsync("/API/v1/events/stream", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task AgentEndpoint_OnHttpPortInAnyCase_404()
    {
        await using var host = await SupervisorHost.StartAsync();

        foreach (var path in new[] { "/ws/agent", "/WS/agent", "/Ws/Agent" })
        {
            using var response = await host.Api.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        }
    }

    private static IEnumerable<string> Variants(string path)
    {
        yield return path;
        if (!path.Any(char.IsAsciiLetter))
        {
            yield break; // "/": no other spelling
        }
        yield return path.ToUpperInvariant();
        yield return string.Concat(path.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c));
        // The first letter percent-encoded: routing decodes it, so it is the same endpoint.
        var first = path.IndexOf(path.First(char.IsAsciiLetter));
        yield return $"{path[..first]}%{(int)char.ToUpperInvariant(path[first]):X2}{path[(first + 1)..]}";
    }

    private static string Path(RoutePattern pattern)
    {
        if (pattern.RawText is null || pattern.RawText.Contains("{*", StringComparison.Ordinal))
        {
            return "/no-such-endpoint/x"; // the fallback: any path nobody mapped
        }
        var path = "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "x" + parameter.Name.ToLowerInvariant(),
            _ => "",
        }))));
        return path;
    }

    private static async Task<(HttpStatusCode Status, string Location)> SendWithoutRedirectAsync(int port, string method, string path, string? token)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.Location?.OriginalString ?? "");
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(int port, string method, string path, string? token)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body);
    }
}
