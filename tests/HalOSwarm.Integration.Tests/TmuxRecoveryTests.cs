using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.Tools;

namespace HalOSwarm.Integration.Tests;

/// <summary>tmux sessions that hang, fail, or outlive a killed agent: real tmux, the built agent, supervisor and halctl.</summary>
public sealed class TmuxRecoveryTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TmuxSession_SilentOrFailingProgram_StuckAndErrorShowThenKilledByHalctlOrByHand()
    {
        await using var scenario = new TmuxScenario()
            .Project("hang", "--hang")
            .Project("fail", "--steps", "1", "--step-sec", "0.1", "--fail", "disk on fire");
        var cluster = await scenario.StartAsync(idleAfterSec: 1, stuckAfterSec: 3);

        var hanging = await scenario.StartSessionAsync("hang", "hello");
        var failing = await scenario.StartSessionAsync("fail", "never read");

        var failed = await cluster.WaitForSessionAsync(failing, s => s.Str("status") == "error", s_wait, "the failing session in error");
        Assert.Contains("Error: disk on fire", failed.Str("last_error"), StringComparison.Ordinal);
        var failEvents = await cluster.GetEventsAsync($"session_id={failing}");
        Assert.Equal("error", TmuxScenario.Activities(failEvents).Last().State);

        await cluster.WaitAsync(async () => TmuxScenario.Activities(await cluster.GetEventsAsync($"session_id={hanging}")).Any(a => a.State == "stuck"),
            s_wait, "the hanging session stuck");
        var hangEvents = await cluster.GetEventsAsync($"session_id={hanging}");
        var activities = TmuxScenario.Activities(hangEvents);
        var stuck = activities.First(a => a.State == "stuck");
        var lastOutput = hangEvents.OfType("message.delta").Max(TmuxScenario.Ts);
        // (the silence counts from the moment the output was read, a few milliseconds before its delta was recorded)
        Assert.True(stuck.At - lastOutput >= TimeSpan.FromSeconds(2.9), $"stuck only after 3 s of silence: last output {lastOutput:O}, stuck {stuck.At:O}");
        Assert.Contains(activities, a => a.State == "idle" && a.At < stuck.At);
        Assert.Equal("idle", (await cluster.GetDataAsync($"api/v1/sessions/{hanging}")).Str("status"));

        var kill = await cluster.CtlAsync("sessions", "kill", hanging);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        await cluster.WaitForSessionAsync(hanging, s => s.Str("status") == "killed", s_wait, "the hanging session killed");
        Assert.False(await TmuxTool.HasSessionAsync(scenario.Socket, hanging), "the hanging tmux session is gone");
        // A session ended by hand, outside hal, is seen gone too.
        Assert.Equal(0, (await TmuxTool.RunAsync(scenario.Socket, "kill-session", "-t", "=" + failing)).ExitCode);
        await cluster.WaitForSessionAsync(failing, s => s.Str("status") == "killed", s_wait, "the failing session gone");
    }

    [Fact]
    public async Task TmuxSession_AgentKilledAndRestarted_ReattachesAndTheTranscriptIsWholeAndOnce()
    {
        await using var scenario = new TmuxScenario()
            .Project("long", "--steps", "10", "--step-sec", "0.4", "--quiet-sec", "2.5");
        var cluster = await scenario.StartAsync(idleAfterSec: 1.5);
        var sessionId = await scenario.StartSessionAsync("long", "go on");
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.delta"))
            .Any(e => e.Data().Str("text").Contains("step 2/10", StringComparison.Ordinal)), s_wait, "output followed");

        await cluster.Agent!.KillHardAsync();
        // The program goes on working while nobody watches.
        await scenario.WaitForLogAsync("long", "work_end", "1", s_wait);
        await cluster.StartAgentAsync();

        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "completed", s_wait, "the program finished");
        var events = await cluster.GetEventsAsync($"session_id={sessionId}");
        var deltas = string.Concat(events.OfType("message.delta").Select(e => e.Data().Str("text")));
        var messages = events.OfType("message.completed");
        var assistant = string.Join('\n', messages.Where(m => m.Data().Str("role") == "assistant").Select(m => m.Data().Str("text")));
        foreach (var step in Enumerable.Range(1, 10))
        {
            var line = $"working on step {step}/10 of round 1";
            Assert.True(TmuxRuntimeTests.Occurrences(deltas, line).Count() == 1, $"'{line}' once in the deltas:\n{deltas}");
            Assert.True(TmuxRuntimeTests.Occurrences(assistant, line).Count() == 1, $"'{line}' once in the messages:\n{assistant}");
        }
        Assert.Single(messages, m => m.Data().Str("role") == "user" && m.Data().Str("text") == "go on");
        Assert.Single(TmuxRuntimeTests.Occurrences(deltas, "you said: go on"));
        Assert.Equal(["1 go on"], scenario.ProgramLog("long").Where(l => l.What == "read").Select(l => l.Text));
        Assert.Single(scenario.ProgramLog("long"), l => l.What == "start");
        Assert.Equal("complete", (await scenario.RuntimeStatusAsync(sessionId)).Str("activity"));
        await cluster.AssertExactlyOnceAsync();
    }
}
