using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Credentials;

/// <summary>
/// Credential push through the composed supervisor and a protocol-speaking agent: the content reaches the agent in the
/// command frame only, and no stored row, API answer or audit entry holds it.
/// </summary>
public sealed class CredentialPushTests
{
    private const string Secret = "sk-cred-7f3a9c1e5b2d4a6f8e0c";

    [Fact]
    public async Task Push_FileToConnectedNode_ContentOnlyOnTheWire()
    {
        await using var host = await CredentialHosts.StartAsync();
        await using var agent = await CredentialHosts.ConnectAsync(host, "n1");
        var content = "{\"fake\":{\"type\":\"api\",\"key\":\"" + Secret + "\"}}";

        var push = host.Api.PushAsync(new { node_id = "n1", tool = "opencode", kind = "file", content }, "/api/v1/credentials/push?wait=10");
        var command = await agent.ReceiveCommandAsync();
        Assert.Equal(CommandTypes.CredentialsPush, command.Type);
        Assert.Equal("opencode", command.Args.GetProperty("tool").GetString());
        Assert.Equal(1, command.Args.GetProperty("version").GetInt32());
        Assert.Equal("file", command.Args.GetProperty("kind").GetString());
        Assert.Equal(content, command.Args.GetProperty("content").GetString());
        await agent.ReplyAsync(command, """{"tool":"opencode","version":1}""");
        var (status, body, text) = await push;

        Assert.True(status == 200, text);
        Assert.Equal(1, body.GetProperty("data").GetProperty("version").GetInt32());
        Assert.Equal("succeeded", body.GetProperty("data").GetProperty("command").GetProperty("state").GetString());
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        var stored = await host.GetDataAsync($"/api/v1/commands/{command.CommandId}");
        Assert.Equal("""{"tool":"opencode","version":1}""", stored.GetProperty("args").GetRawText());
        var listed = await host.GetDataAsync("/api/v1/credentials");
        var row = Assert.Single(listed.EnumerateArray());
        Assert.Equal(["node_id", "tool", "kind", "version", "created_at", "created_by"], row.EnumerateObject().Select(p => p.Name));
        var audit = await host.GetDataAsync("/api/v1/audit?limit=100");
        var entry = Assert.Single(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "credentials.push");
        Assert.Equal("n1", entry.GetProperty("target").GetString());
        Assert.Equal(1, entry.GetProperty("args").GetProperty("version").GetInt32());
        Assert.DoesNotContain(Secret, audit.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, await CredentialHosts.DatabaseTextAsync(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_RunbookPathWithEnv_SameEndpointAndNextVersion()
    {
        await using var host = await CredentialHosts.StartAsync();
        await using var agent = await CredentialHosts.ConnectAsync(host, "n1");

        var first = await host.Api.PushAsync(new { node_id = "n1", tool = "codex", env = new Dictionary<string, string> { ["FAKE_API_KEY"] = Secret } },
            "/api/v1/commands/credentials/push?wait=0");
        var command = await agent.ReceiveCommandAsync();
        var second = await host.Api.PushAsync(new { node_id = "n1", tool = "codex", kind = "env", env = new Dictionary<string, string> { ["FAKE_API_KEY"] = Secret + "2" } });
        var next = await agent.ReceiveCommandAsync();

        Assert.True(first.Status == 202, first.Text);
        Assert.Equal("env", command.Args.GetProperty("kind").GetString());
        Assert.Equal(Secret, command.Args.GetProperty("env").GetProperty("FAKE_API_KEY").GetString());
        Assert.False(command.Args.TryGetProperty("content", out var content) && content.ValueKind != JsonValueKind.Null);
        Assert.Equal(2, second.Body.GetProperty("data").GetProperty("version").GetInt32());
        Assert.Equal(2, next.Args.GetProperty("version").GetInt32());
        Assert.Equal(Secret + "2", next.Args.GetProperty("env").GetProperty("FAKE_API_KEY").GetString());
        Assert.DoesNotContain(Secret, await CredentialHosts.DatabaseTextAsync(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_NodeReportsState_InSyncThenDriftDetected()
    {
        await using var host = await CredentialHosts.StartAsync();
        await using var agent = await CredentialHosts.ConnectAsync(host, "n1");
        await using var other = await CredentialHosts.ConnectAsync(host, "n2");
        var push = host.Api.PushAsync(new { node_id = "n1", tool = "claude-code", kind = "env", env = new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = Secret } },
            "/api/v1/credentials/push?wait=10");
        var command = await agent.ReceiveCommandAsync();

        var pending = await Node(host, "n1");
        await agent.ReplyAsync(command, """{"tool":"claude-code","version":1}""");
        await push;
        await agent.SendEventsAsync(Ev.Make(1, EventTypes.CredentialsState, null, """{"tool":"claude-code","version":1,"state":"in_sync"}"""));
        await agent.WaitForAckAsync(1);
        var inSync = await Node(host, "n1");
        await agent.SendEventsAsync(Ev.Make(2, EventTypes.CredentialsState, null, """{"tool":"claude-code","version":1,"state":"drift_detected"}"""));
        await agent.WaitForAckAsync(2);
        var drifted = await Node(host, "n1");

        Assert.Equal("drift_detected", pending.GetProperty("state").GetString());
        Assert.Equal(0, pending.GetProperty("version").GetInt32());
        Assert.Equal("in_sync", inSync.GetProperty("state").GetString());
        Assert.Equal(1, inSync.GetProperty("version").GetInt32());
        Assert.Equal("drift_detected", drifted.GetProperty("state").GetString());
        Assert.Equal("none", (await Node(host, "n2")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Push_NodeOfflineAcrossASupervisorRestart_DeliveredWithTheContentOnReconnect()
    {
        using var temp = new HalOSwarm.Testing.TempDirectory("hal-creds-restart");
        var key = CredentialHosts.NewKey();
        string commandId;
        await using (var first = await CredentialHosts.StartAsync(reuse: temp, key: key))
        {
            var agent = await CredentialHosts.ConnectAsync(first, "n1");
            await agent.DisposeAsync();
            await SupervisorHost.WaitUntilAsync(async () => (await first.GetDataAsync("/api/v1/nodes/n1")).GetProperty("status").GetString() == "offline",
                "n1 offline");
            var push = await first.Api.PushAsync(new { node_id = "n1", tool = "codex", kind = "file", content = Secret });
            Assert.True(push.Status == 202, push.Text);
            commandId = push.Body.GetProperty("data").GetProperty("command").GetProperty("command_id").GetString()!;
        }
        await using var second = await CredentialHosts.StartAsync(reuse: temp, key: key);
        await using var back = await CredentialHosts.ConnectAsync(second, "n1");

        var command = await back.ReceiveCommandAsync();

        Assert.Equal(commandId, command.CommandId);
        Assert.Equal(Secret, command.Args.GetProperty("content").GetString());
    }

    private static async Task<JsonElement> Node(SupervisorHost host, string nodeId) =>
        Assert.Single((await host.GetDataAsync($"/api/v1/credentials/drift?node_id={nodeId}")).EnumerateArray());
}
