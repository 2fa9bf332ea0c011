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
    public async Task Migrate_ToAuto_HandoverOnTheOldNode_SuccessorStartsOnTheOther()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var old = await TestAgent.ConnectAsync(host, "node-old", sessions: [AgentCommands.Session("ses_old")]);
        await using var other = await TestAgent.ConnectAsync(host, "node-new");

        var post = host.PostAsync("/api/v1/sessions/ses_old/restart?wait=30", new { to_node = "auto" });
        var handover = await old.ReceiveCommandAsync();
        await old.ReplyAsync(handover);
        await old.SendEventsAsync(Ev.Make(1, EventTypes.SessionRunning, "ses_old"), Ev.Make(2, EventTypes.SessionIdle, "ses_old"));
        var kill = await old.ReceiveCommandAsync();
        await old.ReplyAsync(kill);
        var start = await other.ReceiveCommandAsync();
        await other.SendEventsAsync(Ev.Make(1, EventTypes.SessionCreated, "ses_new", """{"project":"alpha","runtime":"opencode"}"""));
        await other.ReplyAsync(start, """{"session_id":"ses_new"}""");
        var (status, body) = await post;

        Assert.Equal((CommandTypes.Prompt, CommandTypes.Kill, CommandTypes.Start), (handover.Type, kill.Type, start.Type));
        Assert.Equal(200, status);
        var result = body.Command().GetProperty("result");
        Assert.Equal(("ses_new", "node-new"), (result.GetProperty("session_id").GetString(), result.GetProperty("node_id").GetString()));
        var successor = await host.GetDataAsync("/api/v1/sessions/ses_new");
        Assert.Equal(("node-new", "ses_old"), (successor.GetProperty("node_id").GetString(), successor.GetProperty("parent_session_id").GetString()));
        Assert.Null(await old.TryReceiveCommandAsync(200));
    }

    [Fact]
    public async Task Migrate_Refused_NothingSentAndNothingStored()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-only", sessions: [AgentCommands.Session("ses_1")]);
        await using var beta = await TestAgent.ConnectAsync(host, "node-beta", projects: [new ProjectInfo("beta", "/b")]);

        var nowhere = await host.PostAsync("/api/v1/sessions/ses_1/restart", new { to_node = "auto" });
        var same = await host.PostAsync("/api/v1/sessions/ses_1/restart", new { to_node = "node-only" });
        var notHosting = await host.PostAsync("/api/v1/sessions/ses_1/restart", new { to_node = "node-beta" });
        var bad = await host.PostAsync("/api/v1/commands", new { type = "restart", session_id = "ses_1", args = new { to_node = "Node Beta" } });

        Assert.Equal((404, "no node but node-only hosts project 'alpha'"), (nowhere.Status, nowhere.Body.GetProperty("error").GetString()));
        Assert.Equal(409, same.Status);
        Assert.Equal((404, "node node-beta does not host project 'alpha'"), (notHosting.Status, notHosting.Body.GetProperty("error").GetString()));
        Assert.Equal((400, "to_node: must be a node id or \"auto\""), (bad.Status, bad.Body.GetProperty("error").GetString()));
        Assert.Empty((await host.GetDataAsync("/api/v1/commands")).EnumerateArray());
        Assert.Null(await agent.TryReceiveCommandAsync(200));
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
