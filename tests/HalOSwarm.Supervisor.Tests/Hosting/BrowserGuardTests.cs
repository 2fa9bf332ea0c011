using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Hosting;

/// <summary>Security headers on every answer, and browser requests from a foreign origin refused.</summary>
public sealed class BrowserGuardTests
{
    [Fact]
    public async Task EveryResponse_OkErrorAndRefusal_CarriesTheSecurityHeaders()
    {
        await using var host = await SupervisorHost.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = host.Api.BaseAddress };

        foreach (var (client, path, status) in new[]
        {
            (host.Api, "/api/v1/nodes", HttpStatusCode.OK),
            (host.Api, "/api/v1/nodes/nope", HttpStatusCode.NotFound),
            (anonymous, "/api/v1/nodes", HttpStatusCode.Unauthorized),
            (anonymous, "/healthz", HttpStatusCode.OK),
        })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
            Assert.False(response.Headers.Contains("Server"), path);
        }
    }

    [Fact]
    public async Task DashboardPage_Csp_ScriptsOnlyFromItsOwnOriginAndNoInlineScript()
    {
        await using var host = await SupervisorHost.StartAsync();

        using var response = await host.Api.GetAsync("/signin");
        var page = await response.Content.ReadAsStringAsync();
        var csp = Header(response, "Content-Security-Policy");

        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        // Every script is a file of this origin: an inline one would be refused by the policy (and would be a way in).
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=\"[^\"/][^\":]*\")[^>]*>", page);
        Assert.Contains("_framework/blazor.web.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignOrigin_StreamApiAndAgentSocket_403OriginNotAllowedOwnOriginServed()
    {
        await using var host = await SupervisorHost.StartAsync();

        foreach (var path in new[] { "/api/v1/events/stream", "/api/v1/nodes" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Origin", "https://evil.example");
            using var response = await host.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("origin_not_allowed", body.RootElement.GetProperty("code").GetString());
        }

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Authorization", "Bearer " + SupervisorHost.Token);
        socket.Options.SetRequestHeader("Origin", "http://evil.example");
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(host.AgentUri, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);

        using var own = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nodes");
        own.Headers.Add("Origin", $"http://127.0.0.1:{host.HttpPort}");
        using var ownResponse = await host.Api.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
    }

    [Fact]
    public async Task AllowedOrigin_Configured_ServedWithCorsHeadersOthersStillRefused()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["server"]!["allowed_origins"] = new JsonArray("https://dash.example.com"));

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nodes");
        allowed.Headers.Add("Origin", "https://DASH.example.com:443");
        using var allowedResponse = await host.Api.SendAsync(allowed);
        Assert.Equal(HttpStatusCode.OK, allowedResponse.StatusCode);
        Assert.Equal("https://DASH.example.com:443", Header(allowedResponse, "Access-Control-Allow-Origin"), ignoreCase: true);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nodes");
        other.Headers.Add("Origin", "https://dash.example.com.evil.example");
        using var otherResponse = await host.Api.SendAsync(other);
        Assert.Equal(HttpStatusCode.Forbidden, otherResponse.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values)
        : throw new Xunit.Sdk.XunitException($"no {name} header on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
}
