using System.Net.Http.Json;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Commands;

public sealed class CommandTests
{
    [Fact]
    public async Task StartProject_AgentAnswers_200AndCommandStored()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-cmd");

        var post = host.Api.PostAsJsonAsync("/api/v1/projects/alpha/start", new { prompt = "hello", title = "T" });
        var command = (await agent.ReceiveAsync(MessageTypes.Command)).Payload.Deserialize(ProtocolJsonContext.Default.CommandRequest)!;
        Assert.Equal(CommandTypes.Start, command.Type);
        Assert.Equal("alpha", command.Project);
        Assert.Equal("hello", command.Args.GetProperty("prompt").GetString());
        var result = JsonDocument.Parse("""{"session_id":"ses_new"}""").RootElement;
        await agent.SendAsync(MessageTypes.CommandResult, new CommandResult(command.CommandId, true, result, null, null), ProtocolJsonContext.Default.CommandResult);
        using var response = await post;

        Assert.Equal(200, (int)response.StatusCode);
        var stored = await host.GetDataAsync($"/api/v1/commands/{command.CommandId}");
        Assert.Equal("succeeded", stored.GetProperty("state").GetString());
        Assert.Equal("ses_new", stored.GetProperty("result").GetProperty("session_id").GetString());
        Assert.Equal("node-cmd", stored.GetProperty("node_id").GetString());
    }

    [Fact]
    public async Task Prompt_AgentFails_502WithCommandDetails()
    {
        await using var host = await SupervisorHost.StartAsync();
        var snapshot = new SessionSnapshot("ses_x", "alpha", RuntimeNames.OpenCode, SessionStatuses.Idle, null, null, Ev.T0, Ev.T0);
        await using var agent = await TestAgent.ConnectAsync(host, "node-cf", sessions: [snapshot]);

        var post = host.Api.PostAsJsonAsync("/api/v1/sessions/ses_x/prompt", new { text = "go" });
        var command = (await agent.ReceiveAsync(MessageTypes.Command)).Payload.Deserialize(ProtocolJsonContext.Default.CommandRequest)!;
        await agent.SendAsync(MessageTypes.CommandResult,
            new CommandResult(command.CommandId, false, null, "runtime crashed", CommandErrorCodes.RuntimeError), ProtocolJsonContext.Default.CommandResult);
        using var response = await post;
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal("command_failed", body.GetProperty("code").GetString());
        Assert.Equal("failed", body.GetProperty("details").GetProperty("command").GetProperty("state").GetString());
        Assert.Equal("runtime_error", body.GetProperty("details").GetProperty("command").GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task Abort_NoAnswer_504TimedOut()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["commands"] = new System.Text.Json.Nodes.JsonObject
        {
            ["deadlines"] = new System.Text.Json.Nodes.JsonObject { ["abort"] = 1 },
        });
        var snapshot = new SessionSnapshot("ses_slow", "alpha", RuntimeNames.OpenCode, SessionStatuses.Running, null, null, Ev.T0, Ev.T0);
        await using var agent = await TestAgent.ConnectAsync(host, "node-slow", sessions: [snapshot]);

        using var response = await host.Api.PostAsync("/api/v1/sessions/ses_slow/abort?wait=10", null);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(504, (int)response.StatusCode);
        Assert.Equal("timed_out", body.GetProperty("details").GetProperty("command").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Commands_UnknownTargetsAndOfflineNode_404And409()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["commands"] = new System.Text.Json.Nodes.JsonObject { ["offline_wait_sec"] = 1 });
        var snapshot = new SessionSnapshot("ses_off", "alpha", RuntimeNames.OpenCode, SessionStatuses.Idle, null, null, Ev.T0, Ev.T0);
        await using (await TestAgent.ConnectAsync(host, "node-off", sessions: [snapshot]))
        {
        }
        await SupervisorHost.WaitUntilAsync(async () =>
            (await host.GetDataAsync("/api/v1/nodes/node-off")).GetProperty("status").GetString() == "offline", "node offline");

        using var unknownProject = await host.Api.PostAsJsonAsync("/api/v1/projects/nowhere/start", new { });
        using var unknownSession = await host.Api.PostAsync("/api/v1/sessions/ses_none/kill", null);
        using var offline = await host.Api.PostAsync("/api/v1/sessions/ses_off/kill", null);
        using var missingText = await host.Api.PostAsJsonAsync("/api/v1/sessions/ses_off/prompt", new { });

        Assert.Equal(404, (int)unknownProject.StatusCode);
        Assert.Equal(404, (int)unknownSession.StatusCode);
        Assert.Equal(409, (int)offline.StatusCode);
        Assert.Contains("node_offline", await offline.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(400, (int)missingText.StatusCode);
    }
}
