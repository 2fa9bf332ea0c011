using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests;

/// <summary>The policy engine in the built supervisor acting on a real opencode session through the built agent.</summary>
public sealed class PolicyTests
{
    private const string ContinuePrompt = "Policy check-in: keep going with the plan.";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ResumeOnIdle_IdleSession_ResumedWithContinuePromptUntilCapThenLeftAlone()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            SupervisorSections = new Dictionary<string, string>
            {
                ["policies"] = """{"tick_seconds":1,"resume_on_idle":{"enabled":true,"idle_seconds":2,"max_retries":2,"retry_reset_seconds":3600}}""",
                ["prompts"] = $$"""{"continue":"{{ContinuePrompt}}"}""",
            },
        });
        cluster.Llm.Enqueue(FakeReply.Text("first answer"), FakeReply.Text("resumed once"), FakeReply.Text("resumed twice"));

        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "one");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");

        var decisions = await cluster.WaitForAsync<JsonElement>(async () =>
        {
            var events = await cluster.GetEventsAsync($"session_id={sessionId}&type=policy.resume_on_idle");
            return events.Any(e => e.Data().Str("decision") == "cap_reached") ? JsonSerializer.SerializeToElement(events) : null;
        }, s_wait, "the resume_on_idle cap to be reached");

        var policyEvents = decisions.EnumerateArray().ToList();
        Assert.Equal(["resume", "resume", "cap_reached"], policyEvents.Select(e => e.Data().Str("decision")));
        foreach (var resume in policyEvents.Take(2))
        {
            Assert.Equal("resume_on_idle", resume.Data().Str("policy"));
            Assert.StartsWith("cmd", resume.Data().Str("command_id"), StringComparison.Ordinal);
            Assert.True(resume.Data().GetProperty("idle_seconds").GetDouble() >= 2, resume.ToString());
            Assert.Equal(2, resume.Data().GetProperty("threshold").GetDouble());
            Assert.Equal(cluster.NodeId, resume.Str("node_id"));
        }
        // The cap is decided a threshold after the second resume if the session has not been seen running by then (a
        // loaded machine can take that long to report the turn), so its answer may still be on the way.
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
            .Any(e => e.Data().Str("text") == "resumed twice"), s_wait, "the second resumed turn's answer");
        Assert.Equal(2, cluster.Llm.Turns.Count(t => t.LastUserText == ContinuePrompt));

        // After the cap: more ticks, more idle time, no more resumes.
        var turns = cluster.Llm.Turns.Count();
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal(turns, cluster.Llm.Turns.Count());
        var after = await cluster.GetEventsAsync($"session_id={sessionId}&type=policy.resume_on_idle");
        Assert.Equal(3, after.Count);
        var session = await cluster.GetDataAsync($"api/v1/sessions/{sessionId}");
        Assert.Equal("idle", session.Str("status"));
    }
}
