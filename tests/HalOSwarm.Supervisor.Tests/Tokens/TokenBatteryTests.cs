using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Tokens;

/// <summary>
/// The bad-input battery for tokens, through the composed supervisor on real sockets: each misuse is refused with its
/// documented answer (docs/API.md, docs/PROTOCOL.md) and nothing changes in the database.
/// </summary>
public sealed class TokenBatteryTests
{
    [Fact]
    public async Task NodeToken_HelloAsAnotherNode_Closed4403CountedNothingStored()
    {
        await using var host = await SupervisorHost.StartAsync();
        var secret = await TokenIssuer.EnrollAsync(host, "web-1");
        await using (var real = await TokenIssuer.ConnectAgentAsync(host, "web-1", secret))
        {
        }
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/nodes/web-1")).GetProperty("status").GetString() == "offline", "web-1 offline");
        var before = await DbSnapshot.TakeAsync(host, new Dictionary<string, string> { ["nodes"] = "SELECT * FROM nodes" });

        await using var impostor = await TestAgent.OpenAsync(host, "db-1", secret);
        await impostor.SendHelloAsync();
        var (code, reason) = await impostor.WaitClosedAsync();

        Assert.Equal(CloseCodes.NodeNotAllowed, code);
        Assert.Contains("enrolled for node web-1", reason, StringComparison.Ordinal);
        (await DbSnapshot.TakeAsync(host, new Dictionary<string, string> { ["nodes"] = "SELECT * FROM nodes" })).AssertSameAs(before);
        var token = Assert.Single((await host.GetDataAsync("/api/v1/tokens")).EnumerateArray());
        Assert.Equal(1, token.GetProperty("refused_hellos").GetInt32());
    }

    [Fact]
    public async Task NodeToken_RevokedWhileConnected_Closed4410AtOnceThenReconnect401NothingChanged()
    {
        await using var host = await SupervisorHost.StartAsync();
        var secret = await TokenIssuer.EnrollAsync(host, "web-2");
        await using var agent = await TokenIssuer.ConnectAgentAsync(host, "web-2", secret);

        await TokenIssuer.RevokeAsync(host, "node:web-2");
        var (code, _) = await agent.WaitClosedAsync();

        Assert.Equal(CloseCodes.TokenRevoked, code);
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/nodes/web-2")).GetProperty("status").GetString() == "offline", "web-2 offline");
        var before = await DbSnapshot.TakeAsync(host, new Dictionary<string, string> { ["nodes"] = "SELECT * FROM nodes" });
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Authorization", "Bearer " + secret);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(host.AgentUri, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        (await DbSnapshot.TakeAsync(host, new Dictionary<string, string> { ["nodes"] = "SELECT * FROM nodes" })).AssertSameAs(before);
    }

    [Fact]
    public async Task UserToken_Revoked_EveryCall401OpenStreamEndedNothingChanged()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-u", [AgentCommands.Session("ses_u")]);
        var secret = await TokenIssuer.CreateAsync(host, "mallory", "operator");
        using var client = TokenIssuer.Client(host, secret);
        using var stream = await client.GetAsync("/api/v1/events/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        var body = await stream.Content.ReadAsStreamAsync();

        await TokenIssuer.RevokeAsync(host, "mallory");

        // The open stream ends: reading it to its end returns instead of waiting for events forever.
        await body.CopyToAsync(Stream.Null).WaitAsync(TimeSpan.FromSeconds(10));
        var before = await DbSnapshot.TakeAsync(host);
        using (var prompt = await client.PostAsJsonAsync("/api/v1/sessions/ses_u/prompt", new { text = "exfiltrate" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, prompt.StatusCode);
            Assert.Equal("unauthorized", JsonDocument.Parse(await prompt.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        }
        using (var read = await client.GetAsync("/api/v1/sessions"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        }
        Assert.Null(await agent.TryReceiveCommandAsync(200));
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Fact]
    public async Task Operator_CreatingTokensEnrollingOrRevoking_403NothingChanged()
    {
        await using var host = await SupervisorHost.StartAsync();
        var secret = await TokenIssuer.CreateAsync(host, "otto", "operator");
        using var client = TokenIssuer.Client(host, secret);
        var before = await DbSnapshot.TakeAsync(host, new Dictionary<string, string> { ["tokens"] = "SELECT * FROM api_tokens" });

        foreach (var (path, content) in new (string, object?)[]
        {
            ("/api/v1/tokens", new { name = "otto2", role = "admin" }),
            ("/api/v1/nodes/web-9/enroll", null),
            ("/api/v1/tokens/otto/revoke", null),
        })
        {
            using var response = content is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, content);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode} {text}");
            Assert.Contains("admin", JsonDocument.Parse(text).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        using (var list = await client.GetAsync("/api/v1/tokens"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        }

        (await DbSnapshot.TakeAsync(host, new Dictionary<string, string> { ["tokens"] = "SELECT * FROM api_tokens" })).AssertSameAs(before);
    }

    [Fact]
    public async Task TokensBody_OverTheRequestLimit_413NothingStored()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["server"]!["max_request_body_bytes"] = 64 * 1024);
        var before = await DbSnapshot.TakeAsync(host);

        using var content = new StringContent($$"""{"name":"big","role":"viewer","pad":"{{new string('x', 200 * 1024)}}"}""", Encoding.UTF8, "application/json");
        using var response = await host.Api.PostAsync("/api/v1/tokens", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too_large", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }
}
