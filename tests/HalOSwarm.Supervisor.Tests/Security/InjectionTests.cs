using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace HalOSwarm.Supervisor.Tests.Security;

/// <summary>
/// Injection strings and path traversal in every path parameter of every mapped endpoint and in every query parameter
/// the API reads, sent with the bootstrap admin token (the most any caller may do): each is refused with a documented
/// error (or, for a filter, matches nothing), never a 500, and the database is the same afterwards.
/// </summary>
public sealed class InjectionTests
{
    private static readonly string[] s_nasty =
    [
        "../../etc/passwd", "..\\..\\supervisor.db", "' OR '1'='1", "x\"; DROP TABLE nodes; --", "ses_i' --", "<script>alert(1)</script>",
        "%00", "a\u202eb", "node-i/../../admin", new string('a', 5000),
    ];

    private static readonly string[] s_queryNames =
    [
        "limit", "cursor", "after_id", "since", "until", "session_id", "node_id", "project", "status", "type", "state", "actor", "action",
        "target", "wait", "order", "include_revoked",
    ];

    private static readonly Dictionary<string, string> s_refusals = new()
    {
        ["refusals"] = "SELECT actor, action, result, error FROM audit_log WHERE action LIKE 'command.%'",
    };

    private static readonly string[] s_documentedCodes = ["invalid_request", "not_found", "node_offline", "conflict", "too_large"];

    [Fact]
    public async Task EveryPathParameter_InjectionOrTraversal_RefusedWithDocumentedErrorNothingChanged()
    {
        // Hundreds of requests in a second from one token: the battery is about input, not the rate limiter.
        await using var host = await SupervisorHost.StartAsync(c => c["server"]!["rate_limit"] = new JsonObject { ["enabled"] = false });
        await using var agent = await SeedAsync(host);
        var before = await DbSnapshot.TakeAsync(host);

        var sent = 0;
        foreach (var endpoint in host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var parameters = endpoint.RoutePattern.Parameters.Where(p => !p.IsCatchAll).ToList();
            if (parameters.Count == 0)
            {
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                foreach (var nasty in s_nasty)
                {
                    var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternParameterPart => Uri.EscapeDataString(nasty),
                        _ => "",
                    }))));
                    if (endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy == "dashboard")
                        || (endpoint.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("auth/", StringComparison.Ordinal))
                    {
                        // A dashboard page or sign-in link answers a browser: back to the sign-in page, nothing else.
                        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Api.BaseAddress };
                        using var answer = await browser.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                        Assert.True(answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location?.OriginalString.StartsWith("/signin?", StringComparison.Ordinal) == true,
                            $"{method} {endpoint.RoutePattern.RawText} with '{Clip(nasty)}' -> {(int)answer.StatusCode} {answer.Headers.Location}");
                        sent++;
                        continue;
                    }
                    var (status, body) = await SendAsync(host, method, path);
                    Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict,
                        $"{method} {endpoint.RoutePattern.RawText} with '{Clip(nasty)}' -> {(int)status} {Clip(body)}");
                    Assert.Contains(JsonDocument.Parse(body).RootElement.GetProperty("code").GetString(), s_documentedCodes);
                    sent++;
                }
            }
        }

        Assert.True(sent > 150, $"{sent} requests");
        Assert.Null(await agent.TryReceiveCommandAsync(200));
        var after = await DbSnapshot.TakeAsync(host, s_refusals);
        after.AssertSameAs(before, "audit_log");
        // The one row a refused command leaves, by design (docs/SECURITY.md): its audit entry, "rejected", with the reason.
        var refusals = after.Rows["refusals"].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(after.Counts["audit_log"] - before.Counts["audit_log"], refusals.Length);
        Assert.All(refusals, r => Assert.Matches(@"^api:admin\|command\.[a-z_]+\|rejected\|.+", r));
    }

    [Fact]
    public async Task EveryQueryParameter_InjectionOnEveryListEndpoint_RefusedOrMatchesNothingNothingChanged()
    {
        // Hundreds of requests in a second from one token: the battery is about input, not the rate limiter.
        await using var host = await SupervisorHost.StartAsync(c => c["server"]!["rate_limit"] = new JsonObject { ["enabled"] = false });
        await using var agent = await SeedAsync(host);
        var before = await DbSnapshot.TakeAsync(host);

        var lists = new[] { "/api/v1/nodes", "/api/v1/sessions", "/api/v1/events", "/api/v1/commands", "/api/v1/audit", "/api/v1/approvals", "/api/v1/tokens" };
        foreach (var list in lists)
        {
            var (_, unfilteredBody) = await SendAsync(host, "GET", list);
            var unfiltered = Data(unfilteredBody);
            foreach (var name in s_queryNames)
            {
                foreach (var nasty in s_nasty)
                {
                    var (status, body) = await SendAsync(host, "GET", $"{list}?{name}={Uri.EscapeDataString(nasty)}");
                    var what = $"GET {list}?{name}={Clip(nasty)} -> {(int)status} {Clip(body)}";
                    if (status == HttpStatusCode.OK)
                    {
                        // A filter the endpoint reads matches nothing; one it does not read changes nothing.
                        var data = Data(body);
                        Assert.True(data.GetArrayLength() == 0 || data.GetRawText() == unfiltered.GetRawText(), what);
                    }
                    else
                    {
                        Assert.True(status == HttpStatusCode.BadRequest, what);
                        Assert.Equal("invalid_request", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
                    }
                }
            }
        }
        using (var command = await host.Api.PostAsJsonAsync("/api/v1/commands", new { type = "abort", session_id = "' OR '1'='1" }))
        {
            Assert.True(command.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)command.StatusCode}");
        }

        Assert.Null(await agent.TryReceiveCommandAsync(200));
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    /// <summary>A node with a session and events, a token and an audit entry: rows an injection could reach.</summary>
    private static async Task<TestAgent> SeedAsync(SupervisorHost host)
    {
        var agent = await TestAgent.ConnectAsync(host, "node-i", [AgentCommands.Session("ses_i")]);
        await agent.SendEventsAsync(Ev.Range(1, 3, sessionId: "ses_i"));
        await agent.WaitForAckAsync(3);
        await TokenIssuer.CreateAsync(host, "seeded", "viewer");
        return agent;
    }

    private static JsonElement Data(string body) => JsonDocument.Parse(body).RootElement.GetProperty("data").Clone();

    private static string Clip(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(SupervisorHost host, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await host.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body);
    }
}
