using System.Text.Json;
using HalOSwarm.Integration.Tests.Governance;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Codex;

/// <summary>
/// A charter deny rule holds for Codex: the app-server's command approval request is rejected by the supervisor before
/// anyone is asked, so the escalated command never runs.
/// </summary>
public sealed class CodexCharterTests
{
    [Fact]
    public async Task DeniedPattern_EscalatedCommand_RejectedNothingRunsRuleNamed()
    {
        // Codex may hand the command over wrapped in a shell invocation: the pattern allows for text around it.
        await using var codex = await CodexCluster.StartAsync(supervisorSections: CharterChecks.DenySections(CodexCluster.Project, "*touch charter-denied*"));
        var args = JsonSerializer.Serialize(new
        {
            cmd = "touch charter-denied.txt",
            sandbox_permissions = "require_escalated",
            justification = "needs to write outside the sandbox",
        });
        codex.Llm.Enqueue(FakeReply.ToolCall("exec_command", args), FakeReply.Text("Handled the denial."));

        var sessionId = await codex.StartSessionAsync("touch a file, escalated");

        await CharterChecks.AssertDeniedByRuleAsync(codex.Cluster, sessionId, "charter.projects.cx.tools[0]");
        var finished = await codex.WaitEventsAsync(sessionId, "tool.finished", 1, CharterChecks.Wait);
        await codex.WaitIdleAsync(sessionId, CharterChecks.Wait);
        Assert.Equal("error", finished[0].Data().Str("status"));
        Assert.False(File.Exists(Path.Combine(codex.ProjectDir, "charter-denied.txt")), "a command the charter denies must not run");
    }
}
