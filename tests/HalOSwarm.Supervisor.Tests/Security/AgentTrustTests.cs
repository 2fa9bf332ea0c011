using System.Net.Http.Json;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Security;

/// <summary>An agent speaks only for its own node: its answers to other nodes' commands and its events or hello entries
/// for other nodes' sessions are refused and change nothing.</summary>
public sealed class AgentTrustTests
{
    private static readonly Dictionary<string, string> s_sessionA = new()
    {
        ["session"] = "SELECT session_id, node_id, status, cost_usd, input_tokens, ended_at, last_error FROM sessions WHERE session_id = 'ses_a'",
    };

    [Fact]
    public async Task CommandResult_FromAnotherNode_IgnoredCommandStaysWithItsNode()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var a = await TestAgent.ConnectAsync(host, "node-a", [AgentCommands.Session("ses_a")]);
        await using var b = await TestAgent.ConnectAsync(host, "node-b", [AgentCommands.Session("ses_b")]);
        using var submit = await host.Api.PostAsJsonAsync("/api/v1/commands?wait=0", new { type = "status", session_id = "ses_a" });
        var commandId = JsonDocument.Parse(await submit.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("command_id").GetString()!;
        var command = await a.ReceiveCommandAsync();
        var rows = new Dictionary<string, string> { ["command"] = $"SELECT state, result, error, node_id FROM commands WHERE command_id = '{commandId}'" };
        var before = await DbSnapshot.TakeAsync(host, rows);

        await b.AcceptAsync(command);
        await b.ReplyAsync(command, """{"forged":true}""");

        (await DbSnapshot.TakeAsync(host, rows)).AssertSameAs(before);
        var stored = await host.GetDataAsync($"/api/v1/commands/{commandId}");
        Assert.Equal("sent", stored.GetProperty("state").GetString());
        await a.ReplyAsync(command, """{"status":"idle"}""");
        await SupervisorHost.WaitUntilAsync(async () =>
            (await host.GetDataAsync($"/api/v1/commands/{commandId}")).GetProperty("state").GetString() == "succeeded", "node-a's own answer");
        Assert.Equal("idle", (await host.GetDataAsync($"/api/v1/commands/{commandId}")).GetProperty("result").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Events_ForAnotherNodesSession_RefusedCountedAndNothingApplied()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var a = await TestAgent.ConnectAsync(host, "node-a", [AgentCommands.Session("ses_a")]);
        await a.SendEventsAsync(Ev.Make(1, EventTypes.Usage, "ses_a", """{"tokens":{"input":10,"output":5},"cost_usd":0.5}"""));
        await a.WaitForAckAsync(1);
        await using var b = await TestAgent.ConnectAsync(host, "node-b");
        var before = await DbSnapshot.TakeAsync(host, s_sessionA);

        await b.SendEventsAsync(
            Ev.Make(1, EventTypes.SessionCreated, "ses_a", """{"project":"beta","runtime":"opencode"}"""),
            Ev.Make(2, EventTypes.SessionError, "ses_a", """{"error_name":"Forged","message":"x"}"""),
            Ev.Make(3, EventTypes.Usage, "ses_a", """{"tokens":{"input":1000000},"cost_usd":999}"""),
            Ev.Make(4, EventTypes.SessionCompleted, "ses_a"));
        await b.WaitForAckAsync(4);

        (await DbSnapshot.TakeAsync(host, s_sessionA)).AssertSameAs(before, "nodes");
        var node = await host.GetDataAsync("/api/v1/nodes/node-b");
        Assert.Equal(4, node.GetProperty("rejected_events").GetInt64());
        Assert.Contains("belongs to another node", node.GetProperty("last_rejection").GetString(), StringComparison.Ordinal);
        // Commands for the session still go to its own node.
        using var submit = await host.Api.PostAsJsonAsync("/api/v1/commands?wait=0", new { type = "status", session_id = "ses_a" });
        Assert.Equal("node-a", JsonDocument.Parse(await submit.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("node_id").GetString());
        Assert.NotNull(await a.ReceiveCommandAsync());
    }

    [Fact]
    public async Task Hello_ListsAnotherNodesSession_SessionLeftAlone()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var a = await TestAgent.ConnectAsync(host, "node-a", [AgentCommands.Session("ses_a", SessionStatuses.Running)]);
        var before = await DbSnapshot.TakeAsync(host, s_sessionA);

        await using var b = await TestAgent.ConnectAsync(host, "node-b", [AgentCommands.Session("ses_a", SessionStatuses.Idle, "beta")]);

        (await DbSnapshot.TakeAsync(host, s_sessionA)).AssertSameAs(before, "nodes", "node_projects", "events");
        Assert.Equal(1, (await host.GetDataAsync("/api/v1/nodes/node-b")).GetProperty("rejected_events").GetInt64());
    }
}
