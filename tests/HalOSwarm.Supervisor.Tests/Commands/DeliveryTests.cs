using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Commands;

public sealed class DeliveryTests
{
    [Fact]
    public async Task OfflineNode_FailsAfterTheWaitWithTheReason()
    {
        await using var host = await CommandHosts.StartAsync(new JsonObject { ["offline_wait_sec"] = 1 });
        await (await TestAgent.ConnectAsync(host, "node-gone", sessions: [AgentCommands.Session("ses_g")])).DisposeAsync();
        await SupervisorHost.WaitUntilAsync(async () =>
            (await host.GetDataAsync("/api/v1/nodes/node-gone")).GetProperty("status").GetString() == "offline", "node offline");

        var (status, body) = await host.PostAsync("/api/v1/commands?wait=10", new { type = "kill", session_id = "ses_g" });

        Assert.Equal(409, status);
        Assert.Equal("node_offline", body.GetProperty("code").GetString());
        Assert.Equal("failed", body.Command().GetProperty("state").GetString());
        Assert.Equal("node node-gone was offline for 1 s", body.Command().GetProperty("error").GetString());
    }

    [Fact]
    public async Task BrieflyDisconnectedNode_GetsTheCommandAfterItReconnects()
    {
        await using var host = await CommandHosts.StartAsync();
        await (await TestAgent.ConnectAsync(host, "node-blip", sessions: [AgentCommands.Session("ses_b")])).DisposeAsync();
        await SupervisorHost.WaitUntilAsync(async () =>
            (await host.GetDataAsync("/api/v1/nodes/node-blip")).GetProperty("status").GetString() == "offline", "node offline");

        var (status, body) = await host.PostAsync("/api/v1/commands", new { type = "prompt", session_id = "ses_b", args = new { text = "hi" } });
        var id = body.Command().GetProperty("command_id").GetString()!;
        await using var agent = await TestAgent.ConnectAsync(host, "node-blip", sessions: [AgentCommands.Session("ses_b")]);
        var command = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(command);

        Assert.Equal(202, status);
        Assert.Equal("pending", body.Command().GetProperty("state").GetString());
        Assert.Equal(id, command.CommandId);
        Assert.Equal(1, (await host.WaitForStateAsync(id, "succeeded")).GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task DisconnectBeforeTheAnswer_ResentAfterReconnectWithTheSameId()
    {
        await using var host = await CommandHosts.StartAsync();
        var first = await TestAgent.ConnectAsync(host, "node-drop", sessions: [AgentCommands.Session("ses_d")]);
        var (_, body) = await host.PostAsync("/api/v1/commands", new { type = "abort", session_id = "ses_d" });
        var sent = await first.ReceiveCommandAsync();
        await first.AcceptAsync(sent);
        await host.WaitForStateAsync(sent.CommandId, "accepted");
        await first.DisposeAsync();

        await using var agent = await TestAgent.ConnectAsync(host, "node-drop", sessions: [AgentCommands.Session("ses_d")]);
        var resent = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(resent);

        Assert.Equal(sent.CommandId, resent.CommandId);
        var stored = await host.WaitForStateAsync(sent.CommandId, "succeeded");
        Assert.Equal(2, stored.GetProperty("attempts").GetInt32());
        Assert.Equal(body.Command().GetProperty("command_id").GetString(), sent.CommandId);
    }

    [Fact]
    public async Task RuntimeUnavailable_RetriedWithBackoffUntilMaxAttempts()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-retry", sessions: [AgentCommands.Session("ses_r")]);

        var (_, body) = await host.PostAsync("/api/v1/commands", new { type = "status", session_id = "ses_r" });
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var command = await agent.ReceiveCommandAsync();
            await agent.FailAsync(command, CommandErrorCodes.RuntimeUnavailable, "opencode is starting");
        }
        var id = body.Command().GetProperty("command_id").GetString()!;
        var stored = await host.WaitForStateAsync(id, "failed");

        Assert.Equal(3, stored.GetProperty("attempts").GetInt32());
        Assert.Equal("runtime_unavailable", stored.GetProperty("error_code").GetString());
        Assert.Null(await agent.TryReceiveCommandAsync(300));
    }

    [Fact]
    public async Task ResultAfterTheDeadline_TimedOutThenUpdated()
    {
        await using var host = await CommandHosts.StartAsync(new JsonObject { ["deadlines"] = new JsonObject { ["abort"] = 1 } });
        await using var agent = await TestAgent.ConnectAsync(host, "node-late", sessions: [AgentCommands.Session("ses_l", SessionStatuses.Running)]);

        var post = host.PostAsync("/api/v1/sessions/ses_l/abort?wait=10", new { });
        var command = await agent.ReceiveCommandAsync();
        var (status, body) = await post;
        await agent.ReplyAsync(command, """{"aborted":true}""");
        var stored = await host.WaitForStateAsync(command.CommandId, "succeeded");

        Assert.Equal(504, status);
        Assert.Equal("timed_out", body.Command().GetProperty("state").GetString());
        Assert.True(stored.GetProperty("result").GetProperty("aborted").GetBoolean());
    }

    [Fact]
    public async Task ElevenCommandsToOneNode_TheEleventhWaitsForTheRateWindowInOrder()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-rate", sessions: [AgentCommands.Session("ses_q")]);

        var ids = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            var (_, body) = await host.PostAsync("/api/v1/commands", new { type = "status", session_id = "ses_q" });
            ids.Add(body.Command().GetProperty("command_id").GetString()!);
        }
        var frames = new List<Envelope>();
        for (var i = 0; i < 11; i++)
        {
            frames.Add(await agent.ReceiveAsync(MessageTypes.Command));
        }

        Assert.Equal(ids, frames.Select(f => f.Payload.Deserialize(ProtocolJsonContext.Default.CommandRequest)!.CommandId));
        // At most ten sends to a node in any one second: the eleventh left a full window after the first. A frame's ts
        // is the supervisor's send time, so this holds however slowly the test posts and reads on a loaded machine.
        var gap = frames[10].Ts - frames[0].Ts;
        Assert.True(gap >= TimeSpan.FromSeconds(1), $"the eleventh command was sent {gap.TotalMilliseconds} ms after the first");
    }
}
