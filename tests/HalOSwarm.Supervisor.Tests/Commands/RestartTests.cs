using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Commands;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_HandoverKillStartAndLink()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["prompts"] = new JsonObject
        {
            ["handover"] = "write the handover",
            ["after_handover"] = "read the handover",
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-rs", sessions: [AgentCommands.Session("ses_old")]);

        var post = host.PostAsync("/api/v1/sessions/ses_old/restart?wait=30", new { }, actor: "cli:bob");
        var handover = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(handover);
        await agent.SendEventsAsync(Ev.Make(1, EventTypes.SessionRunning, "ses_old"), Ev.Make(2, EventTypes.SessionIdle, "ses_old"));
        var kill = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(kill);
        var start = await agent.ReceiveCommandAsync();
        await agent.SendEventsAsync(Ev.Make(3, EventTypes.SessionCreated, "ses_new", """{"project":"alpha","runtime":"opencode"}"""));
        await agent.ReplyAsync(start, """{"session_id":"ses_new"}""");
        var (status, body) = await post;

        Assert.Equal(CommandTypes.Prompt, handover.Type);
        Assert.Equal("write the handover", handover.Args.GetProperty("text").GetString());
        Assert.Equal(CommandTypes.Kill, kill.Type);
        Assert.Equal("ses_old", kill.SessionId);
        Assert.Equal(CommandTypes.Start, start.Type);
        Assert.Equal("alpha", start.Project);
        Assert.Equal("read the handover", start.Args.GetProperty("prompt").GetString());
        Assert.Equal(200, status);
        var restart = body.Command();
        Assert.Equal("restart", restart.GetProperty("type").GetString());
        Assert.Equal("ses_new", restart.GetProperty("result").GetProperty("session_id").GetString());
        Assert.True(restart.GetProperty("result").GetProperty("handover_finished").GetBoolean());
        Assert.Equal("ses_old", (await host.GetDataAsync("/api/v1/sessions/ses_new")).GetProperty("parent_session_id").GetString());
        Assert.Equal("ses_new", (await host.GetDataAsync("/api/v1/sessions/ses_old")).GetProperty("successor_session_id").GetString());
        var steps = await host.GetDataAsync($"/api/v1/commands?session_id=ses_old");
        Assert.All(steps.EnumerateArray().Where(c => c.GetProperty("type").GetString() != "restart"),
            c => Assert.Equal(restart.GetProperty("command_id").GetString(), c.GetProperty("parent_command_id").GetString()));
        var audit = await host.GetDataAsync("/api/v1/audit?actor=cli:bob");
        Assert.Equal(["command.start", "command.kill", "command.prompt", "command.restart"], audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Restart_KillFails_RestartFailsWithTheStep()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["commands"] = new JsonObject { ["handover_idle_timeout_sec"] = 1 });
        await using var agent = await TestAgent.ConnectAsync(host, "node-rf", sessions: [AgentCommands.Session("ses_f")]);

        var post = host.PostAsync("/api/v1/sessions/ses_f/restart?wait=30", new { });
        await agent.ReplyAsync(await agent.ReceiveCommandAsync());
        var kill = await agent.ReceiveCommandAsync();
        await agent.FailAsync(kill, CommandErrorCodes.RuntimeError, "cannot delete");
        var (status, body) = await post;

        Assert.Equal(502, status);
        Assert.Contains("kill step", body.Command().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(body.Command().TryGetProperty("result", out var result) && result.ValueKind == System.Text.Json.JsonValueKind.Object);
    }
}
