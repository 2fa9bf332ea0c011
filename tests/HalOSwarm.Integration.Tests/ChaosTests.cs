using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// Nothing lost, nothing duplicated: the events the agent produced (its outbox's last seq) equal the rows
/// the supervisor stored for the node, seq 1..N once each, after each kind of failure mid-stream.
/// </summary>
public sealed class ChaosTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    // 60 pieces 80 ms apart: about five seconds of streaming to break into.
    private static readonly string s_longReply = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i:00}"));

    private static async Task<string> StartStreamingSessionAsync(HalCluster cluster)
    {
        cluster.Llm.Enqueue(FakeReply.Text(s_longReply, chunks: 60, delay: TimeSpan.FromMilliseconds(80)));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "count slowly");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        await cluster.WaitAsync(async () =>
            (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.delta")).Count >= 8, s_wait, "the stream to be under way");
        return sessionId;
    }

    private static async Task AssertTranscriptWholeAsync(HalCluster cluster, string sessionId)
    {
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, "session idle again");
        await cluster.WaitAsync(async () =>
            (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
                .Any(e => e.Data().Str("role") == "assistant"), s_wait, "the assistant message");
        var completed = await cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed");
        var assistant = Assert.Single(completed, e => e.Data().Str("role") == "assistant");
        Assert.Equal(s_longReply, assistant.Data().Str("text"));
        // one message.completed per message id, even when it was recovered after a failure
        Assert.Equal(completed.Count, completed.Select(e => e.Data().Str("message_id")).Distinct().Count());
        var usage = await cluster.GetEventsAsync($"session_id={sessionId}&type=usage");
        Assert.Single(usage);
    }

    [Fact]
    public async Task AgentKilledMidStream_RestartedAgent_ReconcilesAndStoresEveryEventOnce()
    {
        await using var cluster = await HalCluster.StartAsync();
        var sessionId = await StartStreamingSessionAsync(cluster);
        var openCodePid = cluster.OpenCodePid();

        await cluster.Agent!.KillHardAsync();
        await cluster.StartAgentAsync();

        await AssertTranscriptWholeAsync(cluster, sessionId);
        await cluster.AssertExactlyOnceAsync();
        // the restarted agent attached to the opencode server that kept running, it did not start another
        var pidAfter = cluster.OpenCodePid();
        Assert.True(openCodePid == pidAfter, $"the restarted agent started another opencode server: pid {openCodePid} before, {pidAfter} after");
        Assert.True(Directory.Exists($"/proc/{openCodePid}"), "the opencode server outlived the agent");
    }

    [Fact]
    public async Task AgentRestarted_WhileItsOpenCodeServerIsTooSlowToAnswer_WaitsForItInsteadOfStartingAnother()
    {
        await using var cluster = await HalCluster.StartAsync();
        var sessionId = await StartStreamingSessionAsync(cluster);
        var openCodePid = cluster.OpenCodePid();

        await cluster.Agent!.KillHardAsync();
        // a busy machine, made certain: the server answers nothing while the new agent looks for it
        using (var freeze = System.Diagnostics.Process.Start("kill", ["-STOP", openCodePid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await freeze.WaitForExitAsync();
        }
        try
        {
            await cluster.StartAgentAsync();
            await cluster.Agent!.WaitForOutputAsync("still runs but is slow to answer", TimeSpan.FromSeconds(30));
        }
        finally
        {
            using var thaw = System.Diagnostics.Process.Start("kill", ["-CONT", openCodePid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await thaw.WaitForExitAsync();
        }

        await AssertTranscriptWholeAsync(cluster, sessionId);
        await cluster.AssertExactlyOnceAsync();
        var pidAfter = cluster.OpenCodePid();
        Assert.True(openCodePid == pidAfter, $"the restarted agent started another opencode server: pid {openCodePid} before, {pidAfter} after");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AgentKilledMidStream_DownWhileTheReplyGoesOn_RestartedAgentStoresTheWholeReply(bool downUntilTheTurnEnds)
    {
        await using var cluster = await HalCluster.StartAsync();
        var sessionId = await StartStreamingSessionAsync(cluster);
        var finished = cluster.Llm.FinishedTurns;
        var streamed = cluster.Llm.StreamedPieces;

        await cluster.Agent!.KillHardAsync();
        if (downUntilTheTurnEnds)
        {
            await cluster.WaitAsync(() => Task.FromResult(cluster.Llm.FinishedTurns > finished), s_wait, "the reply to finish");
            await cluster.WaitAsync(async () => await cluster.OpenCodeIdleAsync(sessionId), s_wait, "opencode to finish the turn");
        }
        else
        {
            // back while the reply still streams, with a stretch of it missed
            await cluster.WaitAsync(() => Task.FromResult(cluster.Llm.StreamedPieces >= streamed + 20), s_wait, "20 more pieces of the reply");
        }
        await cluster.StartAgentAsync();

        await AssertTranscriptWholeAsync(cluster, sessionId);
        await cluster.AssertExactlyOnceAsync();
        var logs = await cluster.CtlAsync("sessions", "logs", sessionId);
        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Contains(s_longReply, logs.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupervisorKilledMidStream_Restarted_AgentResendsAndEveryEventIsStoredOnce()
    {
        await using var cluster = await HalCluster.StartAsync();
        var sessionId = await StartStreamingSessionAsync(cluster);

        await cluster.Supervisor!.KillHardAsync();
        await Task.Delay(TimeSpan.FromSeconds(1)); // the agent keeps recording into its outbox meanwhile
        await cluster.StartSupervisorAsync();

        await AssertTranscriptWholeAsync(cluster, sessionId);
        await cluster.AssertExactlyOnceAsync();
        var session = await cluster.GetDataAsync($"api/v1/sessions/{sessionId}");
        Assert.Equal(80, session.GetProperty("tokens").Long("output"));
    }

    [Fact]
    public async Task NetworkCutLongerThanHeartbeatTimeout_NodeOfflineSessionsUnreachable_ThenEverythingRecovers()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { ThroughProxy = true, HeartbeatIntervalSec = 1, HeartbeatTimeoutCount = 3 });
        var sessionId = await StartStreamingSessionAsync(cluster);

        cluster.Proxy!.Cut();
        await cluster.WaitForNodeStatusAsync("offline", s_wait);
        var unreachable = await cluster.GetDataAsync($"api/v1/sessions/{sessionId}");
        Assert.Equal("unreachable", unreachable.Str("status"));
        var offline = await cluster.GetEventsAsync($"node_id={cluster.NodeId}&type=node.offline");
        Assert.NotEmpty(offline);

        cluster.Proxy.Restore();
        await cluster.WaitForNodeStatusAsync("online", s_wait);
        await AssertTranscriptWholeAsync(cluster, sessionId);
        await cluster.AssertExactlyOnceAsync();
        var online = await cluster.GetEventsAsync($"node_id={cluster.NodeId}&type=node.online");
        Assert.True(online.Count >= 2, "expected node.online at first connect and after the cut");
    }
}
