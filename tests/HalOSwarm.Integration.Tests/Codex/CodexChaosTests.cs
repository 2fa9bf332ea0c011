using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Codex;

/// <summary>
/// hal-agent killed with SIGKILL while Codex streams a reply: the app-server keeps running and writing
/// its output, the restarted agent reads on from its durable cursor, and the transcript is whole with
/// every event stored once.
/// </summary>
public sealed class CodexChaosTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    // 60 pieces 80 ms apart: about five seconds of streaming to break into.
    private static readonly string s_longReply = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i:00}"));

    [Fact]
    public async Task AgentKilledMidReply_Restarted_WholeReplyAndEveryEventOnce()
    {
        await using var codex = await CodexCluster.StartAsync();
        var cluster = codex.Cluster;
        codex.Llm.Enqueue(FakeReply.Text(s_longReply, chunks: 60, delay: TimeSpan.FromMilliseconds(80)));
        var sessionId = await codex.StartSessionAsync("count slowly");
        await codex.WaitEventsAsync(sessionId, "message.delta", 8, s_wait);
        var appServer = Assert.Single(codex.AppServerPids());

        await cluster.Agent!.KillHardAsync();
        await Task.Delay(TimeSpan.FromSeconds(5)); // the reply streams on (and ends) while no agent listens
        await cluster.StartAgentAsync();

        await codex.WaitIdleAsync(sessionId, s_wait);
        var completed = await codex.WaitEventsAsync(sessionId, "message.completed", 2, s_wait);
        var assistant = Assert.Single(completed, e => e.Data().Str("role") == "assistant");
        Assert.Equal(s_longReply, assistant.Data().Str("text"));
        var events = await cluster.GetEventsAsync($"session_id={sessionId}");
        // each delta once: together they are the reply, exactly
        Assert.Equal(s_longReply, events.DeltaText(assistant.Data().Str("message_id")));
        Assert.Single(events.OfType("usage"));
        Assert.Single(events.OfType("session.idle"));
        await cluster.AssertExactlyOnceAsync();

        var logs = await cluster.CtlAsync("sessions", "logs", sessionId);
        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Contains(s_longReply, logs.StdOut, StringComparison.Ordinal);
        Assert.True(CodexCluster.IsRunning(appServer), "the app-server outlived the agent and was attached to, not replaced");
        Assert.Equal([appServer], codex.AppServerPids());
    }

    [Fact]
    public async Task AgentKilledWhileApprovalPending_Restarted_ApprovalAnsweredAndCommandRuns()
    {
        await using var codex = await CodexCluster.StartAsync();
        var cluster = codex.Cluster;
        var args = System.Text.Json.JsonSerializer.Serialize(new { cmd = "touch after-restart.txt", sandbox_permissions = "require_escalated", justification = "test" });
        codex.Llm.Enqueue(FakeReply.ToolCall("exec_command", args), FakeReply.Text("done"));
        var sessionId = await codex.StartSessionAsync("touch it, escalated");
        var approval = await cluster.WaitForAsync(async () =>
        {
            var list = await cluster.GetDataAsync($"api/v1/approvals?session_id={sessionId}");
            return list.GetArrayLength() > 0 ? list[0] : (System.Text.Json.JsonElement?)null;
        }, s_wait, "a pending approval");

        await cluster.Agent!.KillHardAsync();
        await cluster.StartAgentAsync();
        await cluster.WaitForNodeStatusAsync("online", s_wait);

        // the restarted agent knows the request the app-server is still waiting on (rebuilt from its output)
        var approve = await cluster.CtlAsync("approvals", "approve", approval.Str("approval_id"));
        Assert.True(approve.ExitCode == 0, approve.ToString());
        await cluster.WaitAsync(() => Task.FromResult(File.Exists(Path.Combine(codex.ProjectDir, "after-restart.txt"))), s_wait, "the approved command ran");
        await codex.WaitIdleAsync(sessionId, s_wait);
        Assert.Single(await cluster.GetEventsAsync($"session_id={sessionId}&type=permission.asked"));
        await cluster.AssertExactlyOnceAsync();
    }
}
