using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.Tools;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// A tmux session someone started by hand is brought under supervision through halctl (adoptable → adopt), shows
/// as adopted in the API, takes a prompt and is killed, against the built supervisor and agent with real tmux.
/// </summary>
public sealed class TmuxAdoptionTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SessionStartedByHand_AdoptedThroughHalctl_ThenPromptedAndKilled()
    {
        await using var scenario = new TmuxScenario().Project("hand", "--steps", "1", "--step-sec", "0.1", "--loop");
        var cluster = await scenario.StartAsync();
        Directory.CreateDirectory(scenario.ProjectDir("hand"));
        var started = await TmuxTool.RunAsync(scenario.Socket, "new-session", "-d", "-s", "by-hand", "-c", scenario.ProjectDir("hand"),
            TmuxTool.ScriptedAgentCommand("--steps", "1", "--step-sec", "0.1", "--loop", "--log", scenario.LogOf("hand")));
        Assert.True(started.ExitCode == 0, started.Output);

        var listed = await cluster.CtlAsync("sessions", "adoptable", "hand");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains("by-hand", listed.StdOut, StringComparison.Ordinal);

        var adopt = await cluster.CtlAsync("--format", "json", "sessions", "adopt", "hand", "by-hand");
        Assert.True(adopt.ExitCode == 0, adopt.ToString());
        var sessionId = JsonDocument.Parse(adopt.StdOut).RootElement.GetProperty("result").Str("session_id");
        // It was already waiting when adopted: a quiet pane is idle (or waiting, when its last line is a question).
        var session = await cluster.WaitForSessionAsync(sessionId, s => s.TryGetProperty("activity_state", out var a) && a.GetString() is "waiting_for_input" or "idle",
            s_wait, "the adopted program to be found waiting");
        Assert.True(session.GetProperty("adopted").GetBoolean());
        Assert.Equal("tmux", session.Str("runtime"));
        var again = await cluster.CtlAsync("sessions", "adoptable", "hand");
        Assert.DoesNotContain("by-hand", again.StdOut, StringComparison.Ordinal);

        var prompt = await cluster.CtlAsync("sessions", "prompt", sessionId, "hello by hand");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        await scenario.WaitForLogAsync("hand", "read", "1 hello by hand", s_wait);

        var kill = await cluster.CtlAsync("sessions", "kill", sessionId);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "killed", s_wait, "the adopted session killed");
        Assert.False(await TmuxTool.HasSessionAsync(scenario.Socket, "by-hand"));
    }
}
