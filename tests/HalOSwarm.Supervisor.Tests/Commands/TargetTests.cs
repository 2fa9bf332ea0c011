using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Commands;

public sealed class TargetTests
{
    [Fact]
    public async Task ProjectWithTwoActiveSessions_409Ambiguous()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-amb",
            sessions: [AgentCommands.Session("ses_a"), AgentCommands.Session("ses_b", SessionStatuses.Running)]);

        var (status, body) = await host.PostAsync("/api/v1/commands", new { type = "abort", project = "alpha" });

        Assert.Equal(409, status);
        Assert.Contains("ambiguous", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("ses_a, ses_b", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectWithOneActiveSession_GoesToThatSession()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-one", sessions: [AgentCommands.Session("ses_only")]);

        var (status, _) = await host.PostAsync("/api/v1/commands", new { type = "inject", project = "alpha", args = new { text = "x", interrupt = true } });
        var command = await agent.ReceiveCommandAsync();

        Assert.Equal(202, status);
        Assert.Equal("ses_only", command.SessionId);
        Assert.Equal(CommandTypes.Inject, command.Type);
        Assert.True(command.Args.GetProperty("interrupt").GetBoolean());
    }

    [Fact]
    public async Task NoTarget_404And400()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-none");

        var noSession = await host.PostAsync("/api/v1/commands", new { type = "abort", project = "alpha" });
        var noProject = await host.PostAsync("/api/v1/commands", new { type = "start", project = "nowhere" });
        var noTarget = await host.PostAsync("/api/v1/commands", new { type = "abort" });
        var badType = await host.PostAsync("/api/v1/commands", new { type = "explode", project = "alpha" });

        Assert.Equal(404, noSession.Status);
        Assert.Contains("no active session", noSession.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, noProject.Status);
        Assert.Equal(400, noTarget.Status);
        Assert.Equal(400, badType.Status);
    }

    [Fact]
    public async Task ResumeBusySession_409AndIdleSessionGetsTheContinuePrompt()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-res",
            sessions: [AgentCommands.Session("ses_busy", SessionStatuses.Running), AgentCommands.Session("ses_idle", project: "beta")],
            projects: [new ProjectInfo("alpha", "/a"), new ProjectInfo("beta", "/b")]);

        var busy = await host.PostAsync("/api/v1/sessions/ses_busy/resume", new { });
        var idle = host.PostAsync("/api/v1/sessions/ses_idle/resume", new { });
        var command = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(command);

        Assert.Equal(409, busy.Status);
        Assert.Contains("busy", busy.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(CommandTypes.Prompt, command.Type);
        Assert.Equal("Continue where you left off.", command.Args.GetProperty("text").GetString());
        Assert.Equal(200, (await idle).Status);
    }

    [Fact]
    public async Task StartWithoutPrompt_SendsTheInitPrompt()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["prompts"] = new System.Text.Json.Nodes.JsonObject { ["init"] = "begin now" });
        await using var agent = await TestAgent.ConnectAsync(host, "node-init");

        var post = host.PostAsync("/api/v1/projects/alpha/start", new { });
        var command = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(command, """{"session_id":"ses_started"}""");
        var (status, body) = await post;

        Assert.Equal("begin now", command.Args.GetProperty("prompt").GetString());
        Assert.Equal(200, status);
        Assert.Equal("ses_started", body.Command().GetProperty("session_id").GetString());
    }
}
