using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.ClaudeCode;

/// <summary>
/// Claude Code asks hal before a tool runs (its permission prompt tool is served by the agent): the
/// supervisor's approval answered through halctl decides whether the real Bash call runs.
/// </summary>
public sealed class ClaudeCodeApprovalTests(ClaudeCodeCluster cc) : IClassFixture<ClaudeCodeCluster>
{
    private HalCluster Cluster => cc.Cluster;

    private async Task<(string SessionId, JsonElement Approval, string Marker)> StartToolCallAsync(string name)
    {
        var marker = Path.Combine(cc.ProjectDir, name);
        var args = JsonSerializer.Serialize(new { command = $"echo hi-from-tool > {name}", description = "write the marker" });
        cc.Llm.Enqueue(FakeReply.ToolCall("Bash", args), FakeReply.Text("Done with the marker."));
        var sessionId = await cc.StartSessionAsync("Write the marker file.");
        var approval = await Cluster.WaitForAsync(async () =>
        {
            var list = await Cluster.GetDataAsync($"api/v1/approvals?session_id={sessionId}");
            return list.GetArrayLength() > 0 ? list[0] : (JsonElement?)null;
        }, ClaudeCodeCluster.Wait, "a pending approval");
        Assert.Equal("pending", approval.Str("state"));
        Assert.Equal("Bash", approval.Str("tool"));
        Assert.Contains($"echo hi-from-tool > {name}", approval.GetProperty("patterns")[0].GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the tool must wait for the answer");
        return (sessionId, approval, marker);
    }

    [Fact]
    public async Task Approve_ThroughHalctl_BashRunsAndToolEventsRecorded()
    {
        var (sessionId, approval, marker) = await StartToolCallAsync("approved.txt");

        var approve = await Cluster.CtlAsync("approvals", "approve", approval.Str("approval_id"));
        Assert.True(approve.ExitCode == 0, approve.ToString());

        await Cluster.WaitAsync(() => Task.FromResult(HalCluster.HasContent(marker)), ClaudeCodeCluster.Wait, "the marker written by the approved tool");
        Assert.Equal("hi-from-tool", (await File.ReadAllTextAsync(marker)).Trim());
        await cc.WaitForIdleAsync(sessionId, e => e.OfType("message.completed").Any(m => m.Data().Str("text") == "Done with the marker."), "the turn's end");
        var events = await Cluster.GetEventsAsync($"session_id={sessionId}");
        var started = Assert.Single(events.OfType("tool.started")).Data();
        Assert.Equal("Bash", started.Str("tool"));
        var finished = Assert.Single(events.OfType("tool.finished")).Data();
        Assert.Equal(started.Str("call_id"), finished.Str("call_id"));
        Assert.Equal("completed", finished.Str("status"));
        Assert.Equal("once", Assert.Single(events.OfType("permission.replied")).Data().Str("reply"));
        Assert.Equal(["working", "waiting_for_input", "working", "idle"], events.OfType("session.activity").Select(e => e.Data().Str("state")));
        Assert.Equal("approved_once", (await Cluster.GetDataAsync($"api/v1/approvals/{approval.Str("approval_id")}")).Str("state"));
    }

    [Fact]
    public async Task Deny_ThroughHalctl_BashDoesNotRun()
    {
        var (sessionId, approval, marker) = await StartToolCallAsync("denied.txt");

        var deny = await Cluster.CtlAsync("approvals", "deny", approval.Str("approval_id"));
        Assert.True(deny.ExitCode == 0, deny.ToString());

        await cc.WaitForIdleAsync(sessionId, e => e.OfType("tool.finished").Count > 0 && e.OfType("message.completed").Any(m => m.Data().Str("role") == "assistant"),
            "the turn's end after the denial");
        var events = await Cluster.GetEventsAsync($"session_id={sessionId}");
        Assert.Equal("reject", Assert.Single(events.OfType("permission.replied")).Data().Str("reply"));
        Assert.Equal("error", Assert.Single(events.OfType("tool.finished")).Data().Str("status"));
        Assert.False(File.Exists(marker), "a denied tool must not run");
        Assert.Equal("rejected", (await Cluster.GetDataAsync($"api/v1/approvals/{approval.Str("approval_id")}")).Str("state"));
    }
}
