using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests;

/// <summary>A real opencode session driven through halctl, the built supervisor and the built agent.</summary>
public sealed class OpenCodeSessionTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SessionsStart_WithPrompt_RunsThenIdlesWithTextUsageAndCostQueryable()
    {
        await using var cluster = await HalCluster.StartAsync();
        Directory.CreateDirectory(Path.Combine(cluster.ProjectDir, ".context"));
        await File.WriteAllTextAsync(Path.Combine(cluster.ProjectDir, ".context", "CURRENT_TASK.md"),
            "# Build the parser\n\n- [x] lexer\n- [ ] grammar\n- [ ] error recovery\n");
        const string reply = "The answer is forty-two, streamed to you in several small pieces.";
        cluster.Llm.Enqueue(FakeReply.Text(reply, chunks: 8, delay: TimeSpan.FromMilliseconds(100)));

        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "What is the answer?");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        Assert.StartsWith("ses", sessionId, StringComparison.Ordinal);

        var session = await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle" && s.GetProperty("tokens").Long("output") > 0, s_wait, "session idle with usage");

        // running, then idle
        var events = await cluster.GetEventsAsync($"session_id={sessionId}");
        var firstRunning = events.OfType("session.running").Select(e => e.Long("id")).DefaultIfEmpty(long.MaxValue).Min();
        var lastIdle = events.OfType("session.idle").Select(e => e.Long("id")).DefaultIfEmpty(long.MinValue).Max();
        Assert.True(firstRunning < lastIdle, "expected session.running before session.idle:\n" + string.Join('\n', events.Select(e => e.Str("type"))));

        // the streamed text, as deltas and as the finished message
        var assistant = Assert.Single(events.OfType("message.completed"), e => e.Data().Str("role") == "assistant");
        Assert.Equal(reply, assistant.Data().Str("text"));
        Assert.Equal(reply, events.DeltaText(assistant.Data().Str("message_id")));
        Assert.Contains(events.OfType("message.completed"), e => e.Data().Str("role") == "user" && e.Data().Str("text") == "What is the answer?");

        // tokens and cost: the fake reports 1200 prompt tokens (200 cached) and 80 completion tokens;
        // opencode prices them at $3 / $15 / $0.30 per million (input / output / cache read).
        var tokens = session.GetProperty("tokens");
        Assert.Equal(1000, tokens.Long("input"));
        Assert.Equal(80, tokens.Long("output"));
        Assert.Equal(200, tokens.Long("cache_read"));
        Assert.Equal(0.00426m, decimal.Round(session.GetProperty("cost_usd").GetDecimal(), 6));
        Assert.Equal("fake-model", session.Str("model"));
        Assert.Equal(HalCluster.ProjectName, session.Str("project"));
        Assert.Equal(cluster.NodeId, session.Str("node_id"));

        // the project's task file, as the agent reads it
        session = await cluster.WaitForSessionAsync(sessionId, s => s.GetProperty("current_task").ValueKind == JsonValueKind.String, s_wait, "current task");
        Assert.Equal("Build the parser", session.Str("current_task"));
        Assert.Equal(1, session.Long("task_done"));
        Assert.Equal(3, session.Long("task_total"));

        var logs = await cluster.CtlAsync("sessions", "logs", sessionId);
        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Contains(reply, logs.StdOut, StringComparison.Ordinal);
        Assert.Contains("What is the answer?", logs.StdOut, StringComparison.Ordinal);

        var list = await cluster.CtlAsync("sessions", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(sessionId, list.StdOut, StringComparison.Ordinal);

        var nodes = await cluster.CtlAsync("--format", "json", "nodes", "list");
        var node = Assert.Single(JsonDocument.Parse(nodes.StdOut).RootElement.EnumerateArray());
        Assert.Equal("online", node.Str("status"));
        Assert.True(node.GetProperty("resources").Long("mem_total_bytes") > 0, "resources reported with heartbeats");
        Assert.Contains(node.GetProperty("projects").EnumerateArray(), p => p.Str("name") == HalCluster.ProjectName && p.Str("directory") == cluster.ProjectDir);

        // the shared token never shows in either process's logs
        Assert.DoesNotContain(HalCluster.Token, cluster.Supervisor!.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(HalCluster.Token, cluster.Agent!.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionsPromptAndKill_OnIdleSession_SecondTurnRecordedThenKilled()
    {
        await using var cluster = await HalCluster.StartAsync();
        cluster.Llm.Enqueue(FakeReply.Text("first answer"), FakeReply.Text("second answer"));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "one");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle" && s.GetProperty("tokens").Long("output") > 0, s_wait, "first turn idle");

        var prompt = await cluster.CtlAsync("sessions", "prompt", sessionId, "two");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        await cluster.WaitAsync(async () =>
            (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
                .Any(e => e.Data().Str("text") == "second answer"), s_wait, "second answer");

        var kill = await cluster.CtlAsync("sessions", "kill", sessionId);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "killed", s_wait, "session killed");
    }
}
