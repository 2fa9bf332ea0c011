using System.Globalization;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.ClaudeCode;

/// <summary>
/// hal-agent killed with SIGKILL while Claude Code streams a reply: the program runs on, detached; the
/// restarted agent reads the rest of its output from the durable cursor, and every event reaches the
/// supervisor exactly once.
/// </summary>
public sealed class ClaudeCodeChaosTests(ClaudeCodeCluster cc) : IClassFixture<ClaudeCodeCluster>
{
    // 60 pieces 80 ms apart: about five seconds of streaming to break into.
    private static readonly string s_longReply = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i:00}"));

    private HalCluster Cluster => cc.Cluster;

    [Fact]
    public async Task AgentKilledMidStream_RestartedFiveSecondsLater_WholeReplyEachDeltaOnce()
    {
        cc.Llm.Enqueue(FakeReply.Text(s_longReply, chunks: 60, delay: TimeSpan.FromMilliseconds(80)), FakeReply.Text("Still here."));
        var sessionId = await cc.StartSessionAsync("count slowly");
        await Cluster.WaitAsync(async () => (await Cluster.GetEventsAsync($"session_id={sessionId}&type=message.delta")).Count >= 8,
            ClaudeCodeCluster.Wait, "the stream to be under way");
        var pid = int.Parse(File.ReadAllText(Path.Combine(cc.SessionsFolder, sessionId, "pid")).Split(' ')[0], CultureInfo.InvariantCulture);

        await Cluster.Agent!.KillHardAsync();
        await Task.Delay(TimeSpan.FromSeconds(5)); // the reply goes on streaming into the program's output meanwhile
        Assert.True(Directory.Exists($"/proc/{pid}"), "claude outlived the agent");
        await Cluster.StartAgentAsync();

        await cc.WaitForIdleAsync(sessionId, e => e.OfType("message.completed").Any(m => m.Data().Str("role") == "assistant"), "the whole reply");
        var events = await Cluster.GetEventsAsync($"session_id={sessionId}");
        var assistant = Assert.Single(events.OfType("message.completed"), e => e.Data().Str("role") == "assistant");
        Assert.Equal(s_longReply, assistant.Data().Str("text"));
        // Every delta once: together they are the reply, nothing missing and nothing twice.
        Assert.Equal(s_longReply, events.DeltaText(assistant.Data().Str("message_id")));
        Assert.Single(events.OfType("usage"));
        Assert.Single(events.OfType("session.idle"));
        await Cluster.AssertExactlyOnceAsync();
        var logs = await Cluster.CtlAsync("sessions", "logs", sessionId);
        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Contains(s_longReply, logs.StdOut, StringComparison.Ordinal);

        // The restarted agent drives the same program on.
        var prompt = await Cluster.CtlAsync("sessions", "prompt", sessionId, "still there?");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        await cc.WaitForIdleAsync(sessionId, e => e.OfType("message.completed").Any(m => m.Data().Str("text") == "Still here."), "the next answer");
        Assert.Equal(pid, int.Parse(File.ReadAllText(Path.Combine(cc.SessionsFolder, sessionId, "pid")).Split(' ')[0], CultureInfo.InvariantCulture));
    }
}
