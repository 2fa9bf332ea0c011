using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Codex;

/// <summary>
/// Codex sessions through the built supervisor, agent and halctl, with the real codex app-server from npm
/// against the fake Responses server. The tests share one cluster and use a session each.
/// </summary>
public sealed class CodexRuntimeTests(CodexClusterFixture fixture) : IClassFixture<CodexClusterFixture>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    private CodexCluster Codex { get; } = Isolated(fixture.Cluster);

    private static CodexCluster Isolated(CodexCluster cluster)
    {
        cluster.Llm.Clear();
        return cluster;
    }

    private HalCluster Cluster => fixture.Cluster.Cluster;

    // What one response of the fake costs at the cluster's rates: 900 uncached + 100 cached input, 50 output.
    private static decimal OneResponseCost =>
        (900 * CodexCluster.InputRate + 100 * CodexCluster.CachedRate + 50 * CodexCluster.OutputRate) / 1_000_000m;

    private static string Escalated(string cmd) =>
        JsonSerializer.Serialize(new { cmd, sandbox_permissions = "require_escalated", justification = "needs to write outside the sandbox" });

    [Fact]
    public async Task StartThenFollowUp_SameSession_RepliesTokensAndCostFromRates()
    {
        Codex.Llm.Enqueue(FakeReply.Text("First answer from codex.", chunks: 4), FakeReply.Text("Second answer.", chunks: 2));
        var sessionId = await Codex.StartSessionAsync("first question");
        await Codex.WaitEventsAsync(sessionId, "message.completed", 2, s_wait);
        await Codex.WaitIdleAsync(sessionId, s_wait);

        var prompt = await Cluster.CtlAsync("--format", "json", "sessions", "prompt", sessionId, "second question");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        var completed = await Codex.WaitEventsAsync(sessionId, "message.completed", 4, s_wait);
        var usage = await Codex.WaitEventsAsync(sessionId, "usage", 2, s_wait);
        var session = await Codex.WaitIdleAsync(sessionId, s_wait);

        Assert.Equal(["first question", "First answer from codex.", "second question", "Second answer."],
            completed.Select(e => e.Data().Str("text")));
        Assert.Equal(["user", "assistant", "user", "assistant"], completed.Select(e => e.Data().Str("role")));
        var events = await Cluster.GetEventsAsync($"session_id={sessionId}");
        var firstId = completed[1].Data().Str("message_id");
        Assert.Equal("First answer from codex.", events.DeltaText(firstId));
        Assert.Equal("codex", session.Str("runtime"));
        Assert.Equal(CodexCluster.Project, session.Str("project"));

        // Codex reports running totals per thread; each turn books only its own response.
        foreach (var turn in usage)
        {
            var tokens = turn.Data().GetProperty("tokens");
            Assert.Equal(900, tokens.Long("input"));
            Assert.Equal(100, tokens.Long("cache_read"));
            Assert.Equal(45, tokens.Long("output"));
            Assert.Equal(5, tokens.Long("reasoning"));
            Assert.Equal(OneResponseCost, turn.Data().GetProperty("cost_usd").GetDecimal());
            Assert.Equal("fake-model", turn.Data().Str("model"));
        }
        Assert.Equal(1800, session.GetProperty("tokens").Long("input"));
        Assert.Equal(90, session.GetProperty("tokens").Long("output"));
        Assert.Equal((double)(2 * OneResponseCost), session.GetProperty("cost_usd").GetDouble(), 9);
        Assert.Equal(2, Codex.Llm.Requests.Count(r => r.LastUserText is "first question" or "second question"));
        // the cost ledger booked both turns once, at what the agent reported, exactly
        var ledger = (await Cluster.GetDataAsync($"api/v1/sessions/{sessionId}/cost")).GetProperty("totals");
        Assert.Equal((2L, 2 * OneResponseCost, 1800L), (ledger.Long("messages"), ledger.GetProperty("cost_usd").GetDecimal(), ledger.GetProperty("tokens").Long("input")));
    }

    [Fact]
    public async Task ToolCall_CommandRuns_FileCreatedAndToolEventsRecorded()
    {
        Codex.Llm.Enqueue(FakeReply.ToolCall("exec_command", JsonSerializer.Serialize(new { cmd = "echo made-by-codex > tool-marker.txt && echo written" })),
            FakeReply.Text("I wrote the file."));
        var sessionId = await Codex.StartSessionAsync("write the marker");
        var finished = await Codex.WaitEventsAsync(sessionId, "tool.finished", 1, s_wait);
        await Codex.WaitIdleAsync(sessionId, s_wait);

        Assert.Equal("made-by-codex", (await File.ReadAllTextAsync(Path.Combine(Codex.ProjectDir, "tool-marker.txt"))).Trim());
        var tool = finished[0].Data();
        Assert.Equal("exec_command", tool.Str("tool"));
        Assert.Equal("completed", tool.Str("status"));
        Assert.Contains("tool-marker.txt", tool.Str("title"), StringComparison.Ordinal);
        Assert.Equal("written", tool.Str("output").Trim());
        var started = Assert.Single(await Cluster.GetEventsAsync($"session_id={sessionId}&type=tool.started"));
        Assert.Contains("tool-marker.txt", started.Data().GetProperty("input").Str("command"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromptWhileBusy_DeliveredAfterTheTurn()
    {
        Codex.Llm.Enqueue(FakeReply.Text("A slow first answer streamed in many small pieces.", chunks: 20, delay: TimeSpan.FromMilliseconds(150)),
            FakeReply.Text("queued answer"));
        var sessionId = await Codex.StartSessionAsync("slow question");
        await Codex.WaitEventsAsync(sessionId, "message.delta", 2, s_wait);

        var prompt = await Cluster.CtlAsync("--format", "json", "sessions", "prompt", sessionId, "queued question");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        var completed = await Codex.WaitEventsAsync(sessionId, "message.completed", 4, s_wait);

        Assert.Equal(["slow question", "A slow first answer streamed in many small pieces.", "queued question", "queued answer"],
            completed.Select(e => e.Data().Str("text")));
    }

    [Fact]
    public async Task Abort_SlowTurn_StopsAndSessionStaysUsable()
    {
        Codex.Llm.Enqueue(FakeReply.Text(string.Join(' ', Enumerable.Range(1, 100).Select(i => $"w{i}")), chunks: 100, delay: TimeSpan.FromMilliseconds(100)),
            FakeReply.Text("after the abort"));
        var sessionId = await Codex.StartSessionAsync("talk for a long time");
        await Codex.WaitEventsAsync(sessionId, "message.delta", 3, s_wait);

        var abort = await Cluster.CtlAsync("sessions", "abort", sessionId);
        Assert.True(abort.ExitCode == 0, abort.ToString());
        var idle = await Codex.WaitEventsAsync(sessionId, "session.idle", 1, s_wait);
        Assert.Equal("interrupted", idle[0].Data().Str("reason"));
        var cut = (await Cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed")).Single(e => e.Data().Str("role") == "assistant");
        Assert.StartsWith("w1 w2", cut.Data().Str("text"), StringComparison.Ordinal);
        Assert.DoesNotContain("w100", cut.Data().Str("text"), StringComparison.Ordinal);

        var prompt = await Cluster.CtlAsync("sessions", "prompt", sessionId, "go on");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        await Cluster.WaitAsync(async () => (await Cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
            .Any(e => e.Data().Str("text") == "after the abort"), s_wait, "the reply after the abort");
    }

    private async Task<(string SessionId, JsonElement Approval)> AskApprovalAsync(string file)
    {
        Codex.Llm.Enqueue(FakeReply.ToolCall("exec_command", Escalated($"touch {file}")), FakeReply.Text("Handled the approval."));
        var sessionId = await Codex.StartSessionAsync("touch a file, escalated");
        var approval = await Cluster.WaitForAsync(async () =>
        {
            var list = await Cluster.GetDataAsync($"api/v1/approvals?session_id={sessionId}");
            return list.GetArrayLength() > 0 ? list[0] : (JsonElement?)null;
        }, s_wait, "a pending approval");
        Assert.Equal("pending", approval.Str("state"));
        Assert.Equal("exec_command", approval.Str("tool"));
        Assert.Contains($"touch {file}", approval.GetProperty("patterns")[0].GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Codex.ProjectDir, file)), "the command must wait for the answer");
        return (sessionId, approval);
    }

    [Fact]
    public async Task Approval_ApprovedThroughHalctl_CommandRuns()
    {
        var (sessionId, approval) = await AskApprovalAsync("approved.txt");
        var approve = await Cluster.CtlAsync("approvals", "approve", approval.Str("approval_id"));
        Assert.True(approve.ExitCode == 0, approve.ToString());

        await Cluster.WaitAsync(() => Task.FromResult(File.Exists(Path.Combine(Codex.ProjectDir, "approved.txt"))), s_wait, "approved.txt");
        await Codex.WaitIdleAsync(sessionId, s_wait);
        var replied = Assert.Single(await Cluster.GetEventsAsync($"session_id={sessionId}&type=permission.replied"));
        Assert.Equal("once", replied.Data().Str("reply"));
        Assert.Equal("approved_once", (await Cluster.GetDataAsync($"api/v1/approvals/{approval.Str("approval_id")}")).Str("state"));
    }

    [Fact]
    public async Task Approval_DeniedThroughHalctl_CommandDoesNotRun()
    {
        var (sessionId, approval) = await AskApprovalAsync("denied.txt");
        var deny = await Cluster.CtlAsync("approvals", "deny", approval.Str("approval_id"));
        Assert.True(deny.ExitCode == 0, deny.ToString());

        var finished = await Codex.WaitEventsAsync(sessionId, "tool.finished", 1, s_wait);
        await Codex.WaitIdleAsync(sessionId, s_wait);
        Assert.Equal("error", finished[0].Data().Str("status"));
        Assert.False(File.Exists(Path.Combine(Codex.ProjectDir, "denied.txt")), "a denied command must not run");
        Assert.Equal("rejected", (await Cluster.GetDataAsync($"api/v1/approvals/{approval.Str("approval_id")}")).Str("state"));
    }

    [Fact]
    public async Task ProviderError_SessionErrorWithStatus()
    {
        Codex.Llm.Enqueue(FakeReply.Error(500, "the provider broke"));
        var sessionId = await Codex.StartSessionAsync("fail please");
        var error = (await Codex.WaitEventsAsync(sessionId, "session.error", 1, s_wait)).Single().Data();
        await Codex.WaitIdleAsync(sessionId, s_wait);

        Assert.Equal(500, error.GetProperty("status_code").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.Str("message")));
        Assert.Equal(JsonValueKind.Null, error.TryGetProperty("reset_at", out var reset) ? reset.ValueKind : JsonValueKind.Null);
    }

    [Fact]
    public async Task UsageLimit_SessionErrorCarriesResetTime()
    {
        var resetAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(42).ToUnixTimeSeconds());
        Codex.Llm.Enqueue(new UsageLimitReply(resetAt));
        var sessionId = await Codex.StartSessionAsync("hit the limit");
        var error = (await Codex.WaitEventsAsync(sessionId, "session.error", 1, s_wait)).Single().Data();

        Assert.Equal(429, error.GetProperty("status_code").GetInt32());
        Assert.Equal("usageLimitExceeded", error.Str("error_name"));
        Assert.Equal(resetAt, error.GetProperty("reset_at").GetDateTimeOffset());
        // the reset time shows on the session, where resume_after_rate_limit and people read it
        var session = await Codex.Cluster.WaitForSessionAsync(sessionId, s => s.TryGetProperty("rate_limit_reset_at", out var r) && r.ValueKind == JsonValueKind.String,
            s_wait, "the session's rate limit reset time");
        Assert.Equal(resetAt, session.GetProperty("rate_limit_reset_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Kill_SessionDeletedAndAppServerGone()
    {
        Codex.Llm.Enqueue(FakeReply.Text("short"));
        var sessionId = await Codex.StartSessionAsync("hello");
        await Codex.WaitIdleAsync(sessionId, s_wait);
        var pid = AppServerPid(sessionId);
        Assert.True(CodexCluster.IsRunning(pid), "the app-server runs while the session lives");

        var kill = await Cluster.CtlAsync("sessions", "kill", sessionId);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        await Codex.WaitEventsAsync(sessionId, "session.deleted", 1, s_wait);
        await Cluster.WaitAsync(() => Task.FromResult(!CodexCluster.IsRunning(pid)), s_wait, "the app-server gone");
    }

    [Fact]
    public async Task AppServerDiesMidTurn_ErrorThenNextPromptResumesTheThread()
    {
        Codex.Llm.Enqueue(FakeReply.Text(string.Join(' ', Enumerable.Range(1, 100).Select(i => $"v{i}")), chunks: 100, delay: TimeSpan.FromMilliseconds(100)),
            FakeReply.Text("back again"));
        var sessionId = await Codex.StartSessionAsync("a long one");
        await Codex.WaitEventsAsync(sessionId, "message.delta", 3, s_wait);
        var pid = AppServerPid(sessionId);

        using (var kill = System.Diagnostics.Process.Start("kill", ["-9", "--", $"-{pid}"]))
        {
            await kill.WaitForExitAsync();
        }
        var error = (await Codex.WaitEventsAsync(sessionId, "session.error", 1, s_wait)).Single().Data();
        Assert.Equal("ProcessExited", error.Str("error_name"));
        await Codex.WaitIdleAsync(sessionId, s_wait);

        var prompt = await Cluster.CtlAsync("sessions", "prompt", sessionId, "are you there?");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        await Cluster.WaitAsync(async () => (await Cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
            .Any(e => e.Data().Str("text") == "back again"), s_wait, "the reply from the resumed thread");
        Assert.NotEqual(pid, AppServerPid(sessionId));
        // the resumed thread still has the first prompt: Codex sent it to the provider again as history
        Assert.Contains(Codex.Llm.Requests, r => r.LastUserText == "are you there?" && r.Body.GetRawText().Contains("a long one", StringComparison.Ordinal));
    }

    private int AppServerPid(string sessionId) =>
        int.Parse(File.ReadAllText(Path.Combine(Cluster.AgentStateDir, "runtimes", "codex", sessionId, "pid")).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
