using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// Permission requests of a real opencode session answered through halctl (or by the timeout), and prompts sent to a
/// busy session, against the built supervisor and agent.
/// </summary>
public sealed class ApprovalTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);
    private const string ToolArgs = """{"command":"echo hi-from-tool > marker.txt","description":"write marker"}""";

    private static ClusterOptions AskForBash(int timeoutSec = 300) => new()
    {
        OpenCodePermissionJson = """{"bash":"ask"}""",
        SupervisorSections = new Dictionary<string, string> { ["approvals"] = $$"""{"timeout_sec":{{timeoutSec}},"default_reply":"reject"}""" },
    };

    private static async Task<(string SessionId, JsonElement Approval)> StartToolCallAsync(HalCluster cluster)
    {
        cluster.Llm.Enqueue(FakeReply.ToolCall("bash", ToolArgs), FakeReply.Text("Wrote the marker."));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "Write the marker file.");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        var approval = await cluster.WaitForAsync(async () =>
        {
            var list = await cluster.GetDataAsync($"api/v1/approvals?session_id={sessionId}");
            return list.GetArrayLength() > 0 ? list[0] : (JsonElement?)null;
        }, s_wait, "a pending approval");
        Assert.Equal("pending", approval.Str("state"));
        Assert.Equal("bash", approval.Str("tool"));
        Assert.Equal(HalCluster.ProjectName, approval.Str("project"));
        Assert.Contains("echo hi-from-tool", approval.GetProperty("patterns")[0].GetString(), StringComparison.Ordinal);
        return (sessionId, approval);
    }

    private static string Marker(HalCluster cluster) => Path.Combine(cluster.ProjectDir, "marker.txt");

    [Fact]
    public async Task Approve_ThroughHalctl_ToolRuns()
    {
        await using var cluster = await HalCluster.StartAsync(AskForBash());
        var (sessionId, approval) = await StartToolCallAsync(cluster);
        // The approval row is stored first, then the session.needs_input event that announces it.
        var needsInput = await cluster.WaitForAsync(async () =>
        {
            var events = await cluster.GetEventsAsync($"session_id={sessionId}&type=session.needs_input");
            return events.Count > 0 ? events[0] : (JsonElement?)null;
        }, s_wait, "session.needs_input for the approval");
        Assert.Equal(approval.Str("approval_id"), needsInput.Data().Str("approval_id"));
        Assert.Contains("echo hi-from-tool", needsInput.Data().Str("reason"), StringComparison.Ordinal);
        Assert.False(File.Exists(Marker(cluster)), "the tool must wait for the answer");

        var list = await cluster.CtlAsync("approvals", "list", "--state", "pending");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(approval.Str("approval_id"), list.StdOut, StringComparison.Ordinal);
        var approve = await cluster.CtlAsync("approvals", "approve", approval.Str("approval_id"));
        Assert.True(approve.ExitCode == 0, approve.ToString());

        await cluster.WaitAsync(() => Task.FromResult(HalCluster.HasContent(Marker(cluster))), s_wait, "marker.txt written by the approved tool");
        Assert.Equal("hi-from-tool", (await File.ReadAllTextAsync(Marker(cluster))).Trim());
        var answered = await cluster.GetDataAsync($"api/v1/approvals/{approval.Str("approval_id")}");
        Assert.Equal("approved_once", answered.Str("state"));
        Assert.Equal("once", answered.Str("reply"));
        Assert.StartsWith("api:", answered.Str("answered_by"), StringComparison.Ordinal);
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, "session idle after the tool");
    }

    [Fact]
    public async Task Deny_ThroughHalctl_ToolDoesNotRun()
    {
        await using var cluster = await HalCluster.StartAsync(AskForBash());
        var (sessionId, approval) = await StartToolCallAsync(cluster);

        var deny = await cluster.CtlAsync("approvals", "deny", approval.Str("approval_id"));
        Assert.True(deny.ExitCode == 0, deny.ToString());

        var replied = await cluster.WaitForAsync(async () =>
        {
            var events = await cluster.GetEventsAsync($"session_id={sessionId}&type=permission.replied");
            return events.Count > 0 ? events[0] : (JsonElement?)null;
        }, s_wait, "permission.replied from opencode");
        Assert.Equal("reject", replied.Data().Str("reply"));
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") != "running", s_wait, "session stopped after the rejection");
        Assert.False(File.Exists(Marker(cluster)), "a denied tool must not run");
        var answered = await cluster.GetDataAsync($"api/v1/approvals/{approval.Str("approval_id")}");
        Assert.Equal("rejected", answered.Str("state"));

        var again = await cluster.CtlAsync("approvals", "approve", approval.Str("approval_id"));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already_answered", again.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswered_RejectedAfterTimeout()
    {
        await using var cluster = await HalCluster.StartAsync(AskForBash(timeoutSec: 3));
        var (sessionId, approval) = await StartToolCallAsync(cluster);

        var expired = await cluster.WaitForAsync(async () =>
        {
            var a = await cluster.GetDataAsync($"api/v1/approvals/{approval.Str("approval_id")}");
            return a.Str("state") == "expired" ? a : (JsonElement?)null;
        }, s_wait, "approval expired");
        Assert.Equal("reject", expired.Str("reply"));
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=permission.replied")).Count > 0,
            s_wait, "opencode got the default reply");
        Assert.False(File.Exists(Marker(cluster)), "an expired request is rejected");
    }

    [Fact]
    public async Task Prompt_ToBusySession_DeliveredAfterTheTurnEnds()
    {
        await using var cluster = await HalCluster.StartAsync();
        const string first = "A slow first answer, streamed in many small pieces so that the turn takes a while to finish.";
        cluster.Llm.Enqueue(FakeReply.Text(first, chunks: 20, delay: TimeSpan.FromMilliseconds(250)), FakeReply.Text("second answer"));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "first question");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        await cluster.WaitAsync(() => Task.FromResult(cluster.Llm.Turns.Any()), s_wait, "the first turn reached the LLM");

        var prompt = await cluster.CtlAsync("--format", "json", "sessions", "prompt", sessionId, "second question");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        var result = JsonDocument.Parse(prompt.StdOut).RootElement.GetProperty("result");
        Assert.True(result.GetProperty("queued").GetBoolean(), prompt.StdOut);
        Assert.Equal(1, result.Long("position"));

        await cluster.WaitAsync(() => Task.FromResult(cluster.Llm.Turns.Count() >= 2), s_wait, "the second turn reached the LLM");
        // The session may still read idle from the end of the first turn here, so wait for the stored record instead:
        // the second answer's completion is the last message of the two turns.
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
            .Any(e => e.Data().Str("role") == "assistant" && (e.Data().Str("text") ?? "").Contains("second answer", StringComparison.Ordinal)), s_wait, "the second answer stored");
        var turns = cluster.Llm.Turns.ToList();
        Assert.Equal("first question", turns[0].LastUserText);
        Assert.Equal("second question", turns[1].LastUserText);
        // The second turn carries the whole first answer: it started only after the first turn finished.
        Assert.Contains(turns[1].Messages, m => m.Role == "assistant" && m.Text.Contains(first, StringComparison.Ordinal));

        var events = await cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed");
        var firstAnswer = events.First(e => e.Data().Str("role") == "assistant").Long("id");
        var secondQuestion = events.First(e => e.Data().Str("role") == "user" && e.Data().Str("text") == "second question").Long("id");
        Assert.True(firstAnswer < secondQuestion, "the queued prompt must be recorded after the first answer");
    }
}
