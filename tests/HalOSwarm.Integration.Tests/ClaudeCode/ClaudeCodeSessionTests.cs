using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.ClaudeCode;

/// <summary>
/// Claude Code sessions driven through halctl, the built supervisor and agent, and the real claude
/// against the fake Anthropic API: turns, follow-ups, queued prompts, abort, errors, rate limits, kill.
/// </summary>
public sealed class ClaudeCodeSessionTests : IClassFixture<ClaudeCodeCluster>
{
    private readonly ClaudeCodeCluster _cc;

    public ClaudeCodeSessionTests(ClaudeCodeCluster cluster)
    {
        _cc = cluster;
        // Each test scripts its own replies; what a failed one left is not taken for the next one's.
        _cc.Llm.Clear();
    }

    private HalCluster Cluster => _cc.Cluster;

    private static bool HasAssistant(List<JsonElement> events, int count = 1) =>
        events.OfType("message.completed").Count(e => e.Data().Str("role") == "assistant") >= count;

    [Fact]
    public async Task Start_WithPromptThenFollowUp_OneClaudeSessionWithBothTurnsTokensAndCost()
    {
        const string first = "The answer is forty-two, streamed in several pieces.";
        const string second = "Yes, still forty-two.";
        _cc.Llm.Enqueue(FakeReply.Text(first, chunks: 6, delay: TimeSpan.FromMilliseconds(50)), FakeReply.Text(second));
        var sessionId = await _cc.StartSessionAsync("What is the answer?");

        await _cc.WaitForIdleAsync(sessionId, e => HasAssistant(e), "the first answer");
        var prompt = await Cluster.CtlAsync("--format", "json", "sessions", "prompt", sessionId, "Are you sure?");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        var session = await _cc.WaitForIdleAsync(sessionId, e => HasAssistant(e, 2), "the second answer");

        var events = await Cluster.GetEventsAsync($"session_id={sessionId}");
        var messages = events.OfType("message.completed").Select(e => (e.Data().Str("role"), e.Data().Str("text"))).ToList();
        Assert.Equal([("user", "What is the answer?"), ("assistant", first), ("user", "Are you sure?"), ("assistant", second)], messages);
        var firstAnswer = events.OfType("message.completed").First(e => e.Data().Str("role") == "assistant");
        Assert.Equal(first, events.DeltaText(firstAnswer.Data().Str("message_id")));
        Assert.Equal("claude-code", session.Str("runtime"));

        // The id hal gave the session is Claude's own: both turns ran in it, in one program.
        var output = _cc.OutputLines(sessionId);
        var inits = output.Where(l => l.Str("type") == "system" && l.Str("subtype") == "init").ToList();
        Assert.Equal(2, inits.Count);
        Assert.All(inits, l => Assert.Equal(sessionId, l.Str("session_id")));
        var turns = _cc.Llm.Turns.Where(t => t.Messages.Any(m => m.Text.Contains("Are you sure?", StringComparison.Ordinal))).ToList();
        Assert.Contains(turns, t => t.Messages.Any(m => m.Role == "assistant" && m.Text.Contains(first, StringComparison.Ordinal)));

        // Tokens and cost per turn, adding up to what the program reported (its total is per process).
        var results = output.Where(l => l.Str("type") == "result").ToList();
        Assert.Equal(2, results.Count);
        var usage = events.OfType("usage");
        Assert.Equal(2, usage.Count);
        var reported = results[^1].GetProperty("total_cost_usd").GetDecimal();
        Assert.True(reported > 0);
        Assert.Equal(decimal.Round(reported, 8), decimal.Round(session.GetProperty("cost_usd").GetDecimal(), 8));
        var tokens = session.GetProperty("tokens");
        Assert.Equal(results.Sum(r => r.GetProperty("usage").Long("output_tokens")), tokens.Long("output"));
        Assert.Equal(results.Sum(r => r.GetProperty("usage").Long("input_tokens")), tokens.Long("input"));
        Assert.Equal(results.Sum(r => r.GetProperty("usage").Long("cache_read_input_tokens")), tokens.Long("cache_read"));

        var logs = await Cluster.CtlAsync("sessions", "logs", sessionId);
        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Contains(first, logs.StdOut, StringComparison.Ordinal);
        Assert.Contains(second, logs.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_WhileBusy_QueuedAndDeliveredAfterTheTurn()
    {
        const string first = "A slow first answer, streamed in many small pieces so that the turn takes a while.";
        _cc.Llm.Enqueue(FakeReply.Text(first, chunks: 20, delay: TimeSpan.FromMilliseconds(150)), FakeReply.Text("second answer"));
        var sessionId = await _cc.StartSessionAsync("first question");
        await Cluster.WaitAsync(async () => (await Cluster.GetEventsAsync($"session_id={sessionId}&type=message.delta")).Count >= 2,
            ClaudeCodeCluster.Wait, "the first answer streaming");

        var prompt = await Cluster.CtlAsync("--format", "json", "sessions", "prompt", sessionId, "second question");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        var result = JsonDocument.Parse(prompt.StdOut).RootElement.GetProperty("result");
        Assert.True(result.GetProperty("queued").GetBoolean(), prompt.StdOut);

        await _cc.WaitForIdleAsync(sessionId, e => HasAssistant(e, 2), "both answers");
        var events = await Cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed");
        var firstAnswer = events.First(e => e.Data().Str("role") == "assistant");
        Assert.Equal(first, firstAnswer.Data().Str("text"));
        var secondQuestion = events.First(e => e.Data().Str("role") == "user" && e.Data().Str("text") == "second question");
        Assert.True(firstAnswer.Long("id") < secondQuestion.Long("id"), "the queued prompt must reach Claude after the first answer");
        var secondTurn = _cc.Llm.Turns.Last(t => t.Messages.Any(m => m.Text.Contains("second question", StringComparison.Ordinal)));
        Assert.Contains(secondTurn.Messages, m => m.Role == "assistant" && m.Text.Contains(first, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Abort_SlowTurn_EndsTheTurnAndTheSessionAnswersTheNextPrompt()
    {
        // About 30 s of streaming: the abort lands in the middle of it even on a loaded machine.
        var slow = string.Join(' ', Enumerable.Range(1, 300).Select(i => $"slow{i:000}"));
        _cc.Llm.Enqueue(FakeReply.Text(slow, chunks: 300, delay: TimeSpan.FromMilliseconds(100)), FakeReply.Text("Back again."));
        var sessionId = await _cc.StartSessionAsync("count slowly");
        await Cluster.WaitAsync(async () => (await Cluster.GetEventsAsync($"session_id={sessionId}&type=message.delta")).Count >= 5,
            ClaudeCodeCluster.Wait, "the slow answer streaming");

        var abort = await Cluster.CtlAsync("sessions", "abort", sessionId);
        Assert.True(abort.ExitCode == 0, abort.ToString());
        await _cc.WaitForIdleAsync(sessionId, e => e.OfType("session.error").Any(x => x.Data().Str("error_name") == "MessageAbortedError"), "the aborted turn");
        var partial = (await Cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed")).Single(e => e.Data().Str("role") == "assistant");
        Assert.StartsWith("slow001", partial.Data().Str("text"), StringComparison.Ordinal);
        Assert.NotEqual(slow, partial.Data().Str("text"));

        var prompt = await Cluster.CtlAsync("sessions", "prompt", sessionId, "are you there?");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        await _cc.WaitForIdleAsync(sessionId, e => e.OfType("message.completed").Any(x => x.Data().Str("text") == "Back again."), "the answer after the abort");
        // Resumed: the same Claude session, continued by a new program.
        var inits = _cc.OutputLines(sessionId).Where(l => l.Str("type") == "system" && l.Str("subtype") == "init").ToList();
        Assert.True(inits.Count >= 2);
        Assert.All(inits, l => Assert.Equal(sessionId, l.Str("session_id")));
    }

    [Fact]
    public async Task ProviderError_RecordedAsSessionErrorWithStatusCode()
    {
        _cc.Llm.Enqueue(FakeReply.Error(400, "fake failure requested"));
        var sessionId = await _cc.StartSessionAsync("fail please");
        await _cc.WaitForIdleAsync(sessionId, e => e.OfType("session.error").Count > 0, "the provider error");
        var error = Assert.Single(await Cluster.GetEventsAsync($"session_id={sessionId}&type=session.error")).Data();
        Assert.Equal("APIError", error.Str("error_name"));
        Assert.Equal(400, error.Long("status_code"));
        Assert.Contains("fake failure requested", error.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimit_RetriedThenSessionErrorCarriesResetTime()
    {
        var retryAfter = TimeSpan.FromSeconds(2);
        _cc.Llm.Enqueue(FakeReply.RateLimit(retryAfter, DateTimeOffset.UtcNow.AddHours(1)), FakeReply.RateLimit(retryAfter, DateTimeOffset.UtcNow.AddHours(1)));
        var before = DateTimeOffset.UtcNow;
        var sessionId = await _cc.StartSessionAsync("hit the limit");
        await _cc.WaitForIdleAsync(sessionId, e => e.OfType("session.error").Count > 0, "the rate limit error");

        var retry = Assert.Single(await Cluster.GetEventsAsync($"session_id={sessionId}&type=session.retry")).Data();
        Assert.Equal(1, retry.Long("attempt"));
        var nextAttempt = retry.GetProperty("next_attempt_at").GetDateTimeOffset();
        Assert.InRange(nextAttempt, before + retryAfter, DateTimeOffset.UtcNow + retryAfter);
        var error = Assert.Single(await Cluster.GetEventsAsync($"session_id={sessionId}&type=session.error")).Data();
        Assert.Equal("RateLimitError", error.Str("error_name"));
        Assert.Equal(429, error.Long("status_code"));
        var resetAt = error.GetProperty("reset_at").GetDateTimeOffset();
        Assert.InRange(resetAt, nextAttempt, DateTimeOffset.UtcNow + retryAfter);
        // the reset time shows on the session, where resume_after_rate_limit and people read it
        var session = await Cluster.GetDataAsync($"api/v1/sessions/{sessionId}");
        Assert.Equal(resetAt, session.GetProperty("rate_limit_reset_at").GetDateTimeOffset());
        var shown = await Cluster.CtlAsync("sessions", "get", sessionId);
        Assert.Contains("rate limit", shown.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kill_StopsTheProgramAndEndsTheSession()
    {
        _cc.Llm.Enqueue(FakeReply.Text("Hello."));
        var sessionId = await _cc.StartSessionAsync("say hello");
        await _cc.WaitForIdleAsync(sessionId, e => HasAssistant(e), "the answer");
        var pid = int.Parse(File.ReadAllText(Path.Combine(_cc.SessionsFolder, sessionId, "pid")).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Directory.Exists($"/proc/{pid}"), "claude waits for the next prompt");
        using (var response = await Cluster.Api.PostAsync($"api/v1/sessions/{sessionId}/status", null))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            var status = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("result");
            Assert.Equal("idle", status.Str("status"));
            Assert.Equal("waiting", status.Str("runtime_status"));
            Assert.Equal(pid, status.Long("pid"));
        }

        var kill = await Cluster.CtlAsync("sessions", "kill", sessionId);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        await Cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "killed", ClaudeCodeCluster.Wait, "session killed");
        await Cluster.WaitAsync(() => Task.FromResult(!File.Exists($"/proc/{pid}/cmdline") || File.ReadAllText($"/proc/{pid}/stat").Contains(") Z", StringComparison.Ordinal)),
            ClaudeCodeCluster.Wait, "the program gone");
        Assert.NotEmpty(await Cluster.GetEventsAsync($"session_id={sessionId}&type=session.deleted"));
    }
}
