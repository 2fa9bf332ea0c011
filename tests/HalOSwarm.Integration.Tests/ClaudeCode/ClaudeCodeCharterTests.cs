using System.Text.Json;
using HalOSwarm.Integration.Tests.Governance;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.ClaudeCode;

/// <summary>
/// A charter deny rule holds for Claude Code: its permission prompt (the agent's permission-prompt tool) is rejected by the
/// supervisor before anyone is asked, so the real Bash call never runs.
/// </summary>
public sealed class ClaudeCodeCharterTests
{
    [Fact]
    public async Task DeniedPattern_BashToolCall_RejectedNothingRunsRuleNamed()
    {
        var cc = new ClaudeCodeCluster(CharterChecks.DenySections(ClaudeCodeCluster.Project, "touch charter-denied*"));
        try
        {
            await cc.InitializeAsync();
            var marker = Path.Combine(cc.ProjectDir, "charter-denied.txt");
            var args = JsonSerializer.Serialize(new { command = "touch charter-denied.txt", description = "write the marker" });
            cc.Llm.Enqueue(FakeReply.ToolCall("Bash", args), FakeReply.Text("Could not write the marker."));

            var sessionId = await cc.StartSessionAsync("Write the marker file.");

            var approval = await CharterChecks.AssertDeniedByRuleAsync(cc.Cluster, sessionId, "charter.projects.cc.tools[0]");
            await cc.WaitForIdleAsync(sessionId, e => e.OfType("tool.finished").Count > 0 && e.OfType("message.completed").Any(m => m.Data().Str("role") == "assistant"),
                "the turn's end after the denial");
            Assert.Equal("Bash", approval.Str("tool"));
            Assert.Equal("error", Assert.Single(await cc.Cluster.GetEventsAsync($"session_id={sessionId}&type=tool.finished")).Data().Str("status"));
            Assert.False(File.Exists(marker), "a command the charter denies must not run");
        }
        finally
        {
            await cc.DisposeAsync();
        }
    }
}
