using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Security;

/// <summary>The smaller gaps: filters that match only what they say, bodies that mean one thing, callers that cannot
/// pose as someone else, and refusals that always carry the error envelope.</summary>
public sealed class RequestHygieneTests
{
    [Fact]
    public async Task AuditFilter_PercentAndUnderscore_MatchThemselvesNotAnything()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-f", [AgentCommands.Session("ses_f")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions/ses_f/status?wait=0");
        request.Headers.Add("X-Hal-Actor", "cli:alice");
        (await host.Api.SendAsync(request)).Dispose();
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/audit?actor=cli:alice")).GetArrayLength() == 1, "the audit entry");

        foreach (var filter in new[] { "actor=%25", "actor=cli:%25", "actor=cli:_lice", "action=command%25", "action=_ommand" })
        {
            Assert.True((await host.GetDataAsync($"/api/v1/audit?{filter}")).GetArrayLength() == 0, $"{filter} matched");
        }
    }

    [Fact]
    public async Task Body_DuplicateKeys_400NothingStored()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-d", [AgentCommands.Session("ses_d")]);
        var before = await DbSnapshot.TakeAsync(host);

        foreach (var body in new[]
        {
            """{"type":"status","type":"kill","session_id":"ses_d"}""",
            """{"type":"prompt","session_id":"ses_d","args":{"text":"harmless","text":"rm -rf /"}}""",
        })
        {
            using var response = await host.Api.PostAsync("/api/v1/commands", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Duplicate", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Null(await agent.TryReceiveCommandAsync(500));
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Theory]
    [InlineData("policy:kill_on_cost")]
    [InlineData("api:admin")]
    [InlineData("cli:alice/policy:x")]
    [InlineData("cli:")]
    [InlineData("cli:bob smith")]
    public async Task ActorHeader_NotACliName_400NothingStored(string actor)
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-x", [AgentCommands.Session("ses_x")]);
        var before = await DbSnapshot.TakeAsync(host);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions/ses_x/kill?wait=0");
        request.Headers.TryAddWithoutValidation("X-Hal-Actor", actor);

        using var response = await host.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Hal-Actor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await agent.TryReceiveCommandAsync(300));
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Fact]
    public async Task ActorHeader_CliName_StoredBehindTheToken()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-y", [AgentCommands.Session("ses_y")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions/ses_y/status?wait=0");
        request.Headers.Add("X-Hal-Actor", "cli:carol.d-1@host");

        using var response = await host.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var command = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
        Assert.Equal("api:admin/cli:carol.d-1@host", command.GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData("/api/v1/a%00b")]
    [InlineData("/%00")]
    public async Task PathWithEncodedNul_400WithTheErrorEnvelope(string path)
    {
        await using var host = await SupervisorHost.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, host.HttpPort);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {SupervisorHost.Token}\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json", response, StringComparison.Ordinal);
        var body = JsonDocument.Parse(response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]).RootElement;
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
    }
}
