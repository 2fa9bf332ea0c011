using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.ClaudeCode;

/// <summary>
/// Claude Code sessions driven through halctl, the built supervisor and agent, and the real claude
/// against the fake Anthropic API: turns, follow-ups, queued prompts, abort, errors, rate limits, kill.
/// </summary>
public sealed class ClaudeCodeSessionTests(ClaudeCodeCluster cc) : IClassFixture<ClaudeCodeCluster>
{
    private HalCluster Cluster => cc.Cluster;

    private static bool HasAssistant(List<JsonElement> events, int count = 1) =>
        events.OfType("message.completed").Count(e => e.Data().Str("role") == "assistant") >= count;

    [Fact]
    public async Task Start_WithPromptThenFollowUp_OneClaudeSessionWithBothTurnsTokensAndCost()
    {
        const string first = "The answer is forty-two, streamed in several pieces.";
        const string second = "Yes, still forty-two.";
        cc.Llm.Enqueue(FakeReply.Text(first, chunks: 6, delay: TimeSpan.FromMilliseconds(50)), FakeReply.Text(second));
        var sessionId = await cc.StartSessionAsync("What is the answer?");

        await cc.WaitForIdleAsync(sessionId, e => HasAssistant(e), "the first answer");
        var prompt = await Cluster.CtlAsync("--format", "json", "sessions", "prompt", sessionId, "Are you sure?");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        var session = await cc.WaitForIdleAsync(sessionId, e => HasAssistant(e, 2), "the second answer");

        var events = await Cluster.GetEventsAsync($"session_id={sessionId}");
        var messages = events.OfType("message.completed").Select(e => (e.Data().Str("role"), e.Data().Str("text"))).ToList();
        Assert.Equal([("user", "What is the answer?"), ("assistant", first), ("user", "Are you sure?"), ("assistant", second)], messages);
        var firstAnswer = events.OfType("message.completed").First(e => e.Data().Str("role") == "assistant");
        Assert.Equal(first, events.DeltaText(firstAnswer.Data().Str("message_id")));
        Assert.Equal("claude-code", session.Str("runtime"));

        // The id hal gave the session is Claude's own: both turns ran in it, in one program.
        var output = cc.OutputLines(sessionId);
        var inits = output.Where(l => l.Str("type") == "system" && l.Str("subtype") == "init").ToList();
        Assert.Equal(2, inits.Count);
        Assert.All(inits, l => Assert.Equal(sessionId, l.Str("session_id")));
        var turns = cc.Llm.Turns.Where(t => t.Messages.Any(m => m.Text.Contains("Are you sure?", StringComparison.Ordinal))).ToList();
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
}
