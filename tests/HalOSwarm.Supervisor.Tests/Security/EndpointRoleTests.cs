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
/// Every mapped endpoint, read from the host's endpoint data source, is classified by the role its authorization metadata
/// requires, and the classification must match the table below: a new endpoint fails this test until someone decides who
/// may call it. Then each token kind is walked over the endpoints it may not call.
/// </summary>
public sealed class EndpointRoleTests
{
    private static readonly Dictionary<string, string> s_expected = new(StringComparer.Ordinal)
    {
        ["GET /healthz"] = "anonymous",
        ["GET /readyz"] = "anonymous",
        ["GET {static asset}"] = "anonymous",
        ["HEAD {static asset}"] = "anonymous",
        ["POST /api/v1/channels/discord/interactions"] = "anonymous",
        ["* /metrics"] = "viewer",
        ["* /ws/agent"] = "agent",
        ["* fallback"] = "viewer",
        ["GET /api/v1/nodes"] = "viewer",
        ["GET /api/v1/nodes/{nodeId}"] = "viewer",
        ["GET /api/v1/supervisors"] = "viewer",
        ["GET /api/v1/sessions"] = "viewer",
        ["GET /api/v1/sessions/{sessionId}"] = "viewer",
        ["GET /api/v1/sessions/{sessionId}/cost"] = "viewer",
        ["GET /api/v1/events"] = "viewer",
        ["GET /api/v1/events/stream"] = "viewer",
        ["GET /api/v1/commands"] = "viewer",
        ["GET /api/v1/commands/{commandId}"] = "viewer",
        ["GET /api/v1/audit"] = "viewer",
        ["GET /api/v1/approvals"] = "viewer",
        ["GET /api/v1/approvals/{approvalId}"] = "viewer",
        ["GET /api/v1/cost"] = "viewer",
        ["POST /api/v1/commands"] = "operator",
        ["POST /api/v1/projects/{project}/start"] = "operator",
        ["GET /api/v1/projects/{project}/adoptable"] = "operator",
        ["POST /api/v1/projects/{project}/adopt"] = "operator",
        ["POST /api/v1/sessions/{sessionId}/prompt"] = "operator",
        ["POST /api/v1/sessions/{sessionId}/inject"] = "operator",
        ["POST /api/v1/sessions/{sessionId}/resume"] = "operator",
        ["POST /api/v1/sessions/{sessionId}/abort"] = "operator",
        ["POST /api/v1/sessions/{sessionId}/kill"] = "operator",
        ["POST /api/v1/sessions/{sessionId}/restart"] = "operator",
        ["POST /api/v1/sessions/{sessionId}/status"] = "operator",
        ["POST /api/v1/approvals/{approvalId}/approve"] = "operator",
        ["POST /api/v1/approvals/{approvalId}/deny"] = "operator",
        ["POST /api/v1/cost/poll"] = "operator",
        ["GET /api/v1/tokens"] = "admin",
        ["POST /api/v1/tokens"] = "admin",
        ["POST /api/v1/tokens/{token}/revoke"] = "admin",
        ["POST /api/v1/nodes/{nodeId}/enroll"] = "admin",
        ["POST /api/v1/admin/backup"] = "admin",
        ["GET /api/v1/budgets"] = "viewer",
        ["GET /api/v1/budgets/{name}"] = "viewer",
        ["PUT /api/v1/budgets/{name}"] = "admin",
        ["DELETE /api/v1/budgets/{name}"] = "admin",
        ["POST /api/v1/budgets/{name}/lift"] = "admin",
        ["GET /api/v1/env/proposals"] = "viewer",
        ["POST /api/v1/env/proposals/{id}/approve"] = "operator",
        ["POST /api/v1/env/proposals/{id}/reject"] = "operator",
        ["POST /api/v1/env/{project}/provision"] = "operator",
        ["POST /api/v1/env/{project}/agents-md/sync"] = "operator",
        ["GET /api/v1/charter"] = "viewer",
        ["GET /api/v1/channels"] = "viewer",
        ["GET /api/v1/channels/deliveries"] = "viewer",
        ["GET /api/v1/channels/alerts/{alertId}"] = "viewer",
        ["POST /api/v1/channels/telegram/webhook"] = "anonymous",
        ["POST /api/v1/channels/slack/commands"] = "anonymous",
        ["POST /api/v1/channels/slack/interactions"] = "anonymous",
        ["POST /api/v1/dashboard/links"] = "viewer",
        ["GET /api/v1/env"] = "viewer",
        ["GET /api/v1/env/{project}"] = "viewer",
        ["POST /api/v1/env/{project}/check"] = "operator",
        ["GET /api/v1/env/{project}/agents-md"] = "viewer",
        ["GET /api/v1/env/{project}/agents-md/diff"] = "viewer",
        ["GET /api/v1/auth"] = "viewer",
        ["GET /api/v1/auth/nodes/{nodeId}"] = "viewer",
        ["GET /api/v1/auth/logins/{loginId}"] = "viewer",
        ["POST /api/v1/auth/nodes/{nodeId}/check"] = "operator",
        ["POST /api/v1/auth/nodes/{nodeId}/login"] = "operator",
        // The dashboard: its pages need the session cookie (a bearer header opens none of them: the browser has none),
        // sign-in is open, the live connection (/_blazor) is under the fallback policy (cookie or token).
        ["GET /signin"] = "anonymous",
        ["POST /signin"] = "anonymous",
        ["POST /auth/signin"] = "anonymous",
        ["POST /auth/signout"] = "anonymous",
        ["GET /auth/link/{code}"] = "anonymous",
        ["GET /"] = "dashboard",
        ["POST /"] = "dashboard",
        ["GET /approvals"] = "dashboard",
        ["POST /approvals"] = "dashboard",
        ["GET /audit"] = "dashboard",
        ["POST /audit"] = "dashboard",
        ["GET /cost"] = "dashboard",
        ["POST /cost"] = "dashboard",
        ["GET /events"] = "dashboard",
        ["POST /events"] = "dashboard",
        ["GET /search"] = "dashboard",
        ["POST /search"] = "dashboard",
        ["GET /sessions/{SessionId}"] = "dashboard",
        ["POST /sessions/{SessionId}"] = "dashboard",
        ["* /_blazor"] = "viewer",
        ["* /_blazor/disconnect"] = "viewer",
        ["* /_blazor/initializers"] = "viewer",
        ["* /_blazor/negotiate"] = "viewer",
        ["GET /_framework/opaque-redirect"] = "viewer",
        ["GET fallback"] = "viewer",
        ["HEAD fallback"] = "viewer",
        ["GET /api/v1/search"] = "viewer",
        ["GET /openapi/v1.json"] = "viewer",
        ["GET /api/v1/ws"] = "viewer",
        ["POST /api/v1/credentials/push"] = "admin",
        ["POST /api/v1/commands/credentials/push"] = "admin",
        ["GET /api/v1/credentials"] = "admin",
        ["GET /api/v1/credentials/drift"] = "viewer",
    };

    /// <summary>The query a reading endpoint needs to answer 200 rather than 400.</summary>
    private static readonly Dictionary<string, string> s_readingQueries = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/search"] = "?q=anything",
    };

    [Fact]
    public async Task EveryEndpoint_ClassifiedByItsPolicy_MatchesTheRoleTable()
    {
        await using var host = await SupervisorHost.StartAsync();

        var actual = Endpoints(host).DistinctBy(e => e.Key).ToDictionary(e => e.Key, e => e.Role, StringComparer.Ordinal);

        Assert.True(s_expected.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(actual.OrderBy(p => p.Key, StringComparer.Ordinal)),
            "endpoints and roles differ from the table; actual:\n" + string.Join("\n", actual.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"[\"{p.Key}\"] = \"{p.Value}\",")));
    }

    [Fact]
    public async Task EveryActingEndpoint_ViewerOperatorOrNodeTokenBelowItsRole_403ForbiddenNothingChanged()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-r", [AgentCommands.Session("ses_r")]);
        var viewer = await TokenIssuer.CreateAsync(host, "vera", "viewer");
        var op = await TokenIssuer.CreateAsync(host, "otto", "operator");
        var node = await TokenIssuer.EnrollAsync(host, "node-n");
        var endpoints = Endpoints(host).Where(e => e.Role is not ("anonymous" or "agent" or "dashboard")).ToList();
        var before = await DbSnapshot.TakeAsync(host);

        var refused = 0;
        foreach (var (key, role, method, path) in endpoints)
        {
            if (role is "operator" or "admin")
            {
                await AssertForbiddenAsync(host.HttpPort, method, path, viewer, $"viewer on {key}");
                refused++;
            }
            if (role is "admin")
            {
                await AssertForbiddenAsync(host.HttpPort, method, path, op, $"operator on {key}");
                refused++;
            }
            await AssertForbiddenAsync(host.HttpPort, method, path, node, $"node token on {key}");
            refused++;
        }
        // A user token, even an admin's, is not an agent's.
        var admin = await TokenIssuer.CreateAsync(host, "ada", "admin");
        before = before with { Counts = new Dictionary<string, long>(before.Counts) { ["api_tokens"] = before.Counts["api_tokens"] + 1, ["audit_log"] = before.Counts["audit_log"] + 1 } };
        await AssertForbiddenAsync(host.Port, "GET", "/ws/agent", admin, "admin user token on the agent socket");

        Assert.True(refused >= 30, $"{refused} refusals checked");
        Assert.Null(await agent.TryReceiveCommandAsync(200));
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Fact]
    public async Task ReadingEndpoints_ViewerToken_Allowed()
    {
        await using var host = await SupervisorHost.StartAsync();
        var viewer = await TokenIssuer.CreateAsync(host, "vera", "viewer");

        // The live connection's protocol endpoints (/_blazor, /_framework) answer 400 to a bare request; the browser tests use them.
        foreach (var (key, _, method, path) in Endpoints(host).Where(e => e.Role == "viewer" && !e.Key.EndsWith(" fallback", StringComparison.Ordinal)
            && !e.Path.StartsWith("/_", StringComparison.Ordinal)))
        {
            var (status, _) = await SendAsync(host.HttpPort, method, path + s_readingQueries.GetValueOrDefault(key, ""), viewer);
            // The client socket lets the viewer through and then wants an upgrade, which a plain GET is not: 400.
            var allowed = status is HttpStatusCode.OK or HttpStatusCode.NotFound || (key == "GET /api/v1/ws" && status == HttpStatusCode.BadRequest);
            Assert.True(allowed, $"viewer on {key} -> {(int)status}");
        }
    }

    private static async Task AssertForbiddenAsync(int port, string method, string path, string token, string what)
    {
        var (status, body) = await SendAsync(port, method, path, token);
        Assert.True(status == HttpStatusCode.Forbidden, $"{what}: {(int)status} {body}");
        if (method != "HEAD") // a HEAD answer has no body
        {
            Assert.Equal("forbidden", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        }
    }

    private static IEnumerable<(string Key, string Role, string Method, string Path)> Endpoints(SupervisorHost host)
    {
        foreach (var endpoint in host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var role = Role(endpoint);
            // The dashboard's static files (one endpoint per file): one row for all.
            if (endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            {
                foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    yield return ($"{method} {{static asset}}", role, method, endpoint.RoutePattern.RawText ?? "/");
                }
                continue;
            }
            var pattern = endpoint.RoutePattern;
            var fallback = pattern.RawText is null || pattern.RawText.Contains("{*", StringComparison.Ordinal);
            var template = fallback ? "fallback" : "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
                _ => "",
            }))));
            var path = fallback ? "/no-such-endpoint/x" : template.Replace("{", "x", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).ToLowerInvariant();
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is null)
            {
                yield return ($"* {template}", role, "GET", path);
                continue;
            }
            foreach (var method in methods)
            {
                yield return ($"{method} {template}", role, method, path);
            }
        }
    }

    /// <summary>The highest role the endpoint's authorization metadata names; the default and fallback policies are viewer.</summary>
    private static string Role(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "anonymous";
        }
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
        return policies.Contains("admin") ? "admin" : policies.Contains("operator") ? "operator" : policies.Contains("agent") ? "agent"
            : policies.Contains("dashboard") ? "dashboard" : "viewer";
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(int port, string method, string path, string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body);
    }
}
