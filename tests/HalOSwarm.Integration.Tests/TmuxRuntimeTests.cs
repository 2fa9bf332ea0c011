using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.Tools;
using Xunit.Abstractions;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// The tmux runtime with real tmux, the built agent, supervisor and halctl, driving the scripted program
/// (tests/HalOSwarm.Testing/Scripts/scripted-agent.sh) as the interactive program in the pane.
/// </summary>
public sealed class TmuxRuntimeTests(ITestOutputHelper testOutput)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_promptness = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task TmuxSession_ScriptedProgram_StatesProgressQueuedPromptTranscriptAndKillShowInTheApi()
    {
        await using var scenario = new TmuxScenario()
            .Project("tm", "--rounds", "2", "--steps", "4", "--step-sec", "0.6", "--task-file", ".context/CURRENT_TASK.md", "--quiet-sec", "3");
        scenario.TaskFile("tm", 8);
        var cluster = await scenario.StartAsync(idleAfterSec: 1.5);

        var sessionId = await scenario.StartSessionAsync("tm", "first answer");
        var environment = await TmuxTool.RunAsync(scenario.Socket, "show-environment", "-g");
        Assert.Contains("PATH=", environment.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("HAL_AGENT_", environment.Output, StringComparison.Ordinal);
        // The second round is working: a prompt now must wait for the program's next question.
        await scenario.WaitForLogAsync("tm", "work_start", "2", s_wait);
        using var response = await cluster.Api.PostAsync($"api/v1/sessions/{sessionId}/prompt",
            new StringContent("""{"text":"second answer"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("data").TryGetProperty("result", out var result), body);
        Assert.True(result.GetProperty("queued").GetBoolean(), body);
        Assert.False(scenario.ProgramLog("tm").Any(l => l.What == "ask" && l.Text == "2"), "the prompt was sent while the program worked");

        var session = await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "completed", s_wait, "the program finished");
        Assert.Equal("tmux", session.Str("runtime"));
        var log = scenario.ProgramLog("tm");
        var events = await cluster.GetEventsAsync($"session_id={sessionId}");
        var activities = TmuxScenario.Activities(events);
        var trace = string.Join('\n', activities.Select(a => $"{a.At:HH:mm:ss.fff} {a.State} {a.Progress}")) + "\n"
            + string.Join('\n', log.Select(l => $"{l.At:HH:mm:ss.fff} {l.What} {l.Text}"));

        // What the program read, and when: each answer only after it asked, none typed while it worked.
        Assert.DoesNotContain(log, l => l.What == "early_input");
        Assert.Equal(["1 first answer", "2 second answer"], log.Where(l => l.What == "read").Select(l => l.Text));
        Assert.True(At(log, "read", "2 second answer") >= At(log, "ask", "2"), trace);

        // working → waiting_for_input → idle → complete, each within 2 s of the program doing it.
        var ask2 = At(log, "ask", "2");
        var waiting = activities.First(a => a.State == "waiting_for_input" && a.At >= ask2);
        Assert.True(waiting.At - ask2 < s_promptness, trace);
        Assert.Contains(activities, a => a.State == "working" && a.At < waiting.At);
        var done = At(log, "done", "");
        var idle = activities.Last(a => a.State == "idle" && a.At < done);
        Assert.True(idle.At > waiting.At, trace);
        var complete = activities.First(a => a.State == "complete" && a.At >= done);
        Assert.True(complete.At - done < s_promptness, trace);
        var firstWorking = activities.First(a => a.State == "working");
        testOutput.WriteLine($"latency: working {(firstWorking.At - At(log, "start", "")).TotalMilliseconds:0} ms after the program started, "
            + $"waiting_for_input {(waiting.At - ask2).TotalMilliseconds:0} ms after it asked, complete {(complete.At - done).TotalMilliseconds:0} ms after its done marker");

        // Progress follows the task file's checkboxes.
        var lastTick = At(log, "ticked", "2.4");
        var full = activities.First(a => a.Progress == 1.0);
        Assert.True(full.At - lastTick < s_promptness, trace);
        testOutput.WriteLine($"latency: progress 1.0 {(full.At - lastTick).TotalMilliseconds:0} ms after the last checkbox was ticked");
        Assert.Contains(activities, a => a.Progress is > 0 and < 1);

        // The transcript: both prompts as user messages, the output once, deltas adding up to the messages.
        var messages = events.OfType("message.completed");
        Assert.Equal(["first answer", "second answer"], messages.Where(m => m.Data().Str("role") == "user").Select(m => m.Data().Str("text")));
        var assistant = messages.Where(m => m.Data().Str("role") == "assistant").ToList();
        var output = string.Concat(assistant.Select(m => m.Data().Str("text") + "\n"));
        Assert.Single(Occurrences(output, "working on step 3/4 of round 2"));
        Assert.Single(Occurrences(output, "you said: second answer"));
        Assert.Single(Occurrences(output, "ALL DONE"));
        Assert.All(assistant, m => Assert.Equal(m.Data().Str("text"), events.DeltaText(m.Data().Str("message_id")).Trim('\n')));

        // halctl kill ends the tmux session.
        var status = await scenario.RuntimeStatusAsync(sessionId);
        Assert.Equal("complete", status.Str("activity"));
        Assert.Equal(sessionId, status.Str("tmux_session"));
        var kill = await cluster.CtlAsync("sessions", "kill", sessionId);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        // (the program had exited, so the session stays completed; the kill is recorded as its deletion)
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=session.deleted")).Count == 1, s_wait,
            "session.deleted");
        Assert.False(await TmuxTool.HasSessionAsync(scenario.Socket, sessionId), "the tmux session is gone");
        await cluster.AssertExactlyOnceAsync();
    }

    internal static DateTimeOffset At(List<ProgramLine> log, string what, string text) =>
        log.First(l => l.What == what && l.Text == text).At;

    internal static IEnumerable<int> Occurrences(string text, string fragment)
    {
        for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }
}
