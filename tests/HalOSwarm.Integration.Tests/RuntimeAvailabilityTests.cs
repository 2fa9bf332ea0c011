using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// A runtime whose program is missing does not stop the agent: the node comes online, the project on that runtime
/// says why it cannot run sessions, a start there fails with that reason, and the other runtimes keep working.
/// </summary>
public sealed class RuntimeAvailabilityTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task MissingBinary_NodeStaysOnline_ItsProjectSaysWhy_OtherRuntimesWork()
    {
        using var ccProject = new TempDirectory("hal-it-cc");
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            ExtraProjectsJson = [$$"""{"name":"cc","directory":"{{ccProject.Path}}","runtime":"claude-code"}"""],
            AgentRuntimesJson = """{"claude-code":{"binary":"/nonexistent/bin/claude"}}""",
        });

        var node = await cluster.GetDataAsync($"api/v1/nodes/{cluster.NodeId}");
        Assert.Equal("online", node.Str("status"));
        var cc = node.GetProperty("projects").EnumerateArray().Single(p => p.Str("name") == "cc");
        Assert.Equal("claude-code", cc.Str("runtime"));
        Assert.Equal("unavailable", cc.Str("runtime_status"));
        Assert.Contains("/nonexistent/bin/claude", cc.Str("reason"), StringComparison.Ordinal);
        Assert.Contains("not found", cc.Str("reason"), StringComparison.Ordinal);
        var demo = node.GetProperty("projects").EnumerateArray().Single(p => p.Str("name") == HalCluster.ProjectName);
        Assert.Equal("ready", demo.Str("runtime_status"));
        var details = node.GetProperty("runtime_details").EnumerateArray().ToList();
        Assert.Contains(details, r => r.Str("name") == "opencode" && r.GetProperty("available").GetBoolean() && r.Str("version") == "1.18.33");
        Assert.Contains(details, r => r.Str("name") == "claude-code" && !r.GetProperty("available").GetBoolean());

        var shown = await cluster.CtlAsync("nodes", "get", cluster.NodeId);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("unavailable: binary '/nonexistent/bin/claude' not found", shown.StdOut, StringComparison.Ordinal);

        var refused = await cluster.CtlAsync("sessions", "start", "cc", "--prompt", "hi");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("runtime 'claude-code' is unavailable: binary '/nonexistent/bin/claude' not found", refused.StdErr, StringComparison.Ordinal);

        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "hello");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        var session = await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, "the opencode session to answer");
        Assert.Equal("opencode", session.Str("runtime"));
        Assert.Equal("idle", session.Str("activity_state"));
    }

    [Fact]
    public async Task MaxSessions_StartBeyondTheLimitRefused_UntilOneEnds()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { AgentRuntimesJson = """{"opencode":{"max_sessions":1}}""" });

        var first = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "one");
        Assert.True(first.ExitCode == 0, first.ToString());
        var firstId = JsonDocument.Parse(first.StdOut).RootElement.GetProperty("result").Str("session_id");

        var second = await cluster.CtlAsync("sessions", "start", HalCluster.ProjectName, "--prompt", "two");
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("already runs 1 session(s) on this node", second.StdErr, StringComparison.Ordinal);
        Assert.Contains("runtimes.opencode.max_sessions = 1", second.StdOut + second.StdErr, StringComparison.Ordinal);

        var kill = await cluster.CtlAsync("sessions", "kill", firstId);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        await cluster.WaitForSessionAsync(firstId, s => s.Str("status") == "killed", s_wait, "the first session to end");
        var third = await cluster.CtlAsync("sessions", "start", HalCluster.ProjectName, "--prompt", "three");
        Assert.True(third.ExitCode == 0, third.ToString());
    }
}
