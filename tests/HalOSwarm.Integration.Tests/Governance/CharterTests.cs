using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Governance;

/// <summary>
/// The governance charter against the built supervisor, agent and halctl with a real opencode session: a denied command
/// pattern never runs, and a node at its session limit refuses the next start with the rule.
/// </summary>
public sealed class CharterTests
{
    [Fact]
    public async Task DeniedPattern_InACompoundBashCommand_RejectedWholeNothingRunsRuleNamed()
    {
        var sections = CharterChecks.DenySections(HalCluster.ProjectName, "rm -rf *");
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { OpenCodePermissionJson = """{"bash":"ask"}""", SupervisorSections = sections });
        var build = Path.Combine(cluster.ProjectDir, "build");
        Directory.CreateDirectory(build);
        await File.WriteAllTextAsync(Path.Combine(build, "keep.txt"), "keep");
        var args = JsonSerializer.Serialize(new { command = "echo cleaned > cleaned.txt && rm -rf build", description = "clean the build" });
        cluster.Llm.Enqueue(FakeReply.ToolCall("bash", args), FakeReply.Text("Tried to clean."));

        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "Clean the build.");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");

        var approval = await CharterChecks.AssertDeniedByRuleAsync(cluster, sessionId, "charter.projects.demo.tools[0]");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") != "running", CharterChecks.Wait, "session stopped after the rejection");
        Assert.Contains(approval.GetProperty("patterns").EnumerateArray(), p => p.GetString()!.StartsWith("rm -rf build", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(build, "keep.txt")), "the denied rm -rf must not run");
        Assert.False(File.Exists(Path.Combine(cluster.ProjectDir, "cleaned.txt")), "no part of a denied compound command runs");
    }

    [Fact]
    public async Task NodeAtItsSessionLimit_NextStartThroughHalctl_RefusedWithTheRule()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            SupervisorSections = new Dictionary<string, string> { ["charter"] = """{"default":{"max_sessions_per_node":1}}""" },
        });
        cluster.Llm.Enqueue(FakeReply.Text("first session here"));
        var first = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "hello");
        Assert.True(first.ExitCode == 0, first.ToString());
        var sessionId = JsonDocument.Parse(first.StdOut).RootElement.GetProperty("result").Str("session_id");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", CharterChecks.Wait, "the first session idle");

        var second = await cluster.CtlAsync("sessions", "start", HalCluster.ProjectName, "--prompt", "one more");

        Assert.True(second.ExitCode != 0, second.ToString());
        Assert.Contains($"charter.default.max_sessions_per_node: {cluster.NodeId} already runs 1 active sessions of 1", second.StdErr, StringComparison.Ordinal);
        var sessions = await cluster.GetDataAsync("api/v1/sessions");
        Assert.Equal(1, sessions.GetArrayLength());
        var violation = Assert.Single(await cluster.GetEventsAsync("type=charter.violation"));
        Assert.Equal(("charter.default.max_sessions_per_node", "sessions_per_node", cluster.NodeId),
            (violation.Data().Str("rule"), violation.Data().Str("kind"), violation.Data().Str("node_id")));
        var shown = await cluster.CtlAsync("charter", "show", HalCluster.ProjectName);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("charter.default.max_sessions_per_node", shown.StdOut, StringComparison.Ordinal);
        var audit = await cluster.GetDataAsync("api/v1/audit?action=command.start");
        Assert.Contains(audit.EnumerateArray(), a => a.Str("result") == "rejected"
            && a.Str("error").StartsWith("charter.default.max_sessions_per_node:", StringComparison.Ordinal));
    }
}
