using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Tests.Support;

/// <summary>Issues tokens through the API with the server (bootstrap admin) token, and clients that use them.</summary>
internal static class TokenIssuer
{
    public static async Task<string> CreateAsync(SupervisorHost host, string name, string role)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/tokens", new { name, role });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create token {name}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("secret").GetString()!;
    }

    public static async Task<string> EnrollAsync(SupervisorHost host, string nodeId)
    {
        using var response = await host.Api.PostAsync($"/api/v1/nodes/{nodeId}/enroll", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"enroll {nodeId}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("secret").GetString()!;
    }

    public static async Task RevokeAsync(SupervisorHost host, string reference)
    {
        using var response = await host.Api.PostAsync($"/api/v1/tokens/{reference}/revoke", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"revoke {reference}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static HttpClient Client(SupervisorHost host, string secret, int? port = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port ?? host.HttpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Connects as <paramref name="nodeId"/> with <paramref name="secret"/> and completes the handshake.</summary>
    public static async Task<TestAgent> ConnectAgentAsync(SupervisorHost host, string nodeId, string secret)
    {
        var agent = await TestAgent.OpenAsync(host, nodeId, secret);
        await agent.SendHelloAsync();
        await agent.ReceiveAsync(MessageTypes.Welcome);
        return agent;
    }
}
