using System.Diagnostics;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;
using static HalOSwarm.Integration.Tests.Harness.PostgresFleet;

namespace HalOSwarm.Integration.Tests.ScaleOut;

/// <summary>
/// Two supervisors on one PostgreSQL database, three agents with real opencode sessions: one supervisor dies with
/// SIGKILL in the middle of the streams. Its agents move to the other, every event is stored once, a command issued
/// during the failover runs once, and the other supervisor takes the lead within the lease.
/// </summary>
public sealed class FailoverTests
{
    private const int LeaseSec = 6;
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    // 60 pieces 80 ms apart: about five seconds of streaming to break into.
    private static readonly string s_longReply = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i:00}"));

    [PostgresOnlyFact("several supervisors share one PostgreSQL database")]
    public async Task SupervisorKilledMidStream_AgentsMoveToTheOther_NothingLostCommandRunsOnceLeaderMoves()
    {
        await using var fleet = await PostgresFleet.CreateAsync();
        var a = await fleet.StartSupervisorAsync("sup-a", heartbeatSec: 1, leaseSec: LeaseSec);
        await fleet.WaitAsync(async () => await a.SupervisorRowAsync("sup-a") is { } row && row.GetProperty("leader").GetBoolean(), s_wait, "sup-a leading");
        var b = await fleet.StartSupervisorAsync("sup-b", heartbeatSec: 1, leaseSec: LeaseSec);
        FleetAgent[] agents = [fleet.StartAgent("alpha", a, b), fleet.StartAgent("beta", a, b), fleet.StartAgent("gamma", b, a)];
        await fleet.WaitAsync(async () =>
        {
            var nodes = await b.GetDataAsync("api/v1/nodes");
            return nodes.GetArrayLength() == 3 && nodes.EnumerateArray().All(n => n.Str("status") == "online");
        }, s_wait, "three nodes online");
        var holders = new List<string?>();
        foreach (var agent in agents)
        {
            holders.Add(await HolderOf(agent, b));
        }
        Assert.Equal(["sup-a", "sup-a", "sup-b"], holders);

        // Every session is started through A; gamma's node is held by B, so that command crosses supervisors.
        var sessions = new Dictionary<FleetAgent, string>();
        foreach (var agent in agents)
        {
            fleet.Llm.Enqueue(FakeReply.Text(s_longReply, chunks: 60, delay: TimeSpan.FromMilliseconds(80)));
            sessions[agent] = await StartSessionAsync(a, agent.Project, "count slowly");
        }
        foreach (var (agent, sessionId) in sessions)
        {
            await fleet.WaitAsync(async () =>
                (await b.GetEventsAsync($"session_id={sessionId}&type=message.delta")).Count >= 8, s_wait, $"{agent.Project}'s stream under way");
        }
        Assert.Contains(sessions[agents[2]], (await a.GetDataAsync("api/v1/sessions?project=gamma")).EnumerateArray().Select(s => s.Str("session_id")));

        await a.KillHardAsync();
        var sinceKill = Stopwatch.StartNew();
        // Watch for the lead to move while the rest goes on.
        var leaderMoved = WatchLeaderAsync(b, sinceKill);

        // A command issued during the failover, for a node whose agent is still finding its way to B.
        fleet.Llm.Enqueue(FakeReply.Text("a short answer"));
        var duringFailover = await StartSessionAsync(b, "alpha", "answer shortly");

        var movedAfter = await leaderMoved;
        Assert.True(movedAfter < TimeSpan.FromSeconds(LeaseSec),
            $"sup-b should lead within the {LeaseSec} s lease after sup-a died; it took {movedAfter.TotalSeconds:0.0} s");

        foreach (var (agent, sessionId) in sessions)
        {
            await AssertTranscriptWholeAsync(fleet, b, sessionId, s_longReply);
        }
        await AssertTranscriptWholeAsync(fleet, b, duringFailover, "a short answer");
        foreach (var agent in agents)
        {
            Assert.Equal("sup-b", await HolderOf(agent, b));
            await fleet.AssertExactlyOnceAsync(agent, b);
        }
        // The command ran once: alpha has its two sessions, and the provider was asked for four turns, not more.
        Assert.Equal(2, (await b.GetDataAsync("api/v1/sessions?project=alpha")).GetArrayLength());
        Assert.Equal(4, fleet.Llm.Turns.Count());
        // sup-a is taken for dead once its last heartbeat is older than the lease
        await fleet.WaitAsync(async () => await b.SupervisorRowAsync("sup-a") is { } row && !row.GetProperty("alive").GetBoolean(),
            TimeSpan.FromSeconds(LeaseSec * 3), "sup-a no longer alive");
        Assert.Equal(3, (await b.SupervisorRowAsync("sup-b"))!.Value.GetProperty("nodes").GetInt32());
    }

    private static async Task<string?> HolderOf(FleetAgent agent, FleetSupervisor reader) =>
        (await reader.GetDataAsync($"api/v1/nodes/{agent.NodeId}")).Str("supervisor_id");

    private static async Task<string> StartSessionAsync(FleetSupervisor through, string project, string prompt)
    {
        var start = await through.CtlAsync("--format", "json", "sessions", "start", project, "--prompt", prompt);
        Assert.True(start.ExitCode == 0, $"sessions start {project} through {through.Id}: {start}");
        return JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
    }

    private static async Task<TimeSpan> WatchLeaderAsync(FleetSupervisor survivor, Stopwatch sinceKill)
    {
        while (sinceKill.Elapsed < s_wait)
        {
            try
            {
                if (await survivor.SupervisorRowAsync(survivor.Id) is { } row && row.GetProperty("leader").GetBoolean())
                {
                    return sinceKill.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // a read refused while the pool reconnects: ask again
            }
            await Task.Delay(100);
        }
        return sinceKill.Elapsed;
    }

    private static async Task AssertTranscriptWholeAsync(PostgresFleet fleet, FleetSupervisor reader, string sessionId, string reply)
    {
        await fleet.WaitAsync(async () =>
            (await reader.GetDataAsync($"api/v1/sessions/{sessionId}")).Str("status") == "idle"
            && (await reader.GetEventsAsync($"session_id={sessionId}&type=message.completed")).Any(e => e.Data().Str("role") == "assistant"),
            s_wait, $"session {sessionId} idle with its answer");
        var completed = await reader.GetEventsAsync($"session_id={sessionId}&type=message.completed");
        var assistant = Assert.Single(completed, e => e.Data().Str("role") == "assistant");
        Assert.Equal(reply, assistant.Data().Str("text"));
        Assert.Equal(completed.Count, completed.Select(e => e.Data().Str("message_id")).Distinct().Count());
        Assert.Single(await reader.GetEventsAsync($"session_id={sessionId}&type=usage"));
    }
}
