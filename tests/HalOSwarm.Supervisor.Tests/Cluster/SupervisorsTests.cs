using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Cluster;

/// <summary>Supervisors sharing one database: heartbeats, the leader, and which of them holds a node.</summary>
public sealed class SupervisorsTests
{
    [Fact]
    public async Task Supervisors_OneHost_ListedAliveLeadingAndHoldingItsNode()
    {
        await using var host = await SupervisorHost.StartAsync(Cluster("sup-solo"));
        await using var agent = await TestAgent.ConnectAsync(host, "node-solo");

        var self = await WaitForAsync(host, list => list.Any(s => s.GetProperty("supervisor_id").GetString() == "sup-solo" && s.GetProperty("nodes").GetInt64() == 1),
            "the supervisor's heartbeat with its node");

        var entry = Assert.Single(self);
        Assert.True(entry.GetProperty("alive").GetBoolean());
        Assert.True(entry.GetProperty("leader").GetBoolean());
        Assert.True(entry.GetProperty("self").GetBoolean());
        Assert.Equal(Environment.MachineName, entry.GetProperty("hostname").GetString());
    }

    [Fact]
    public async Task SupervisorId_Invalid_RefusedWithItsKey()
    {
        var ex = await Assert.ThrowsAsync<HalOSwarm.Supervisor.Configuration.ConfigurationProblemsException>(() => SupervisorHost.StartAsync(config =>
            config["cluster"] = new JsonObject { ["supervisor_id"] = "no spaces/here", ["heartbeat_sec"] = 5, ["lease_sec"] = 6 }));

        Assert.Contains(ex.Problems, p => p.StartsWith("cluster.supervisor_id:", StringComparison.Ordinal));
        Assert.Contains("cluster.lease_sec: 6 must be at least twice cluster.heartbeat_sec (5)", ex.Problems);
    }

    [PostgresOnlyFact("several supervisors share one PostgreSQL database")]
    public async Task TwoSupervisors_FirstLeads_SecondTakesOverOnceTheFirstStops()
    {
        using var dir = new TempDirectory("hal-cluster");
        var first = await SupervisorHost.StartAsync(Cluster("sup-a"), reuse: dir);
        await using var second = await SupervisorHost.StartAsync(Cluster("sup-b"), reuse: dir);
        try
        {
            var both = await WaitForAsync(second, list => list.Count(s => s.GetProperty("alive").GetBoolean()) == 2, "both supervisors' heartbeats");
            Assert.Equal(["sup-a"], both.Where(s => s.GetProperty("leader").GetBoolean()).Select(s => s.GetProperty("supervisor_id").GetString()));
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The stopped leader's lock went with its connection: the standby's next try (every heartbeat) takes it.
        var after = await WaitForAsync(second, list => list.Any(s => s.GetProperty("supervisor_id").GetString() == "sup-b" && s.GetProperty("leader").GetBoolean()),
            "the second supervisor to lead", timeoutMs: 15_000);
        Assert.DoesNotContain(after, s => s.GetProperty("supervisor_id").GetString() == "sup-a" && s.GetProperty("leader").GetBoolean());
    }

    [PostgresOnlyFact("several supervisors share one PostgreSQL database")]
    public async Task NodeMovesBetweenSupervisors_EachSeqStoredOnce_OldConnectionClosedByItsSupervisor_NodeStaysOnline()
    {
        using var dir = new TempDirectory("hal-cluster");
        await using var a = await SupervisorHost.StartAsync(Cluster("sup-a"), reuse: dir);
        await using var b = await SupervisorHost.StartAsync(Cluster("sup-b"), reuse: dir);

        // B sees the node first (and keeps its durable seq), then A stores more of its events.
        await using (var onB = await TestAgent.ConnectAsync(b, "node-m"))
        {
            await onB.SendEventsAsync(Ev.Range(1, 3));
            await onB.WaitForAckAsync(3);
        }
        var onA = await TestAgent.ConnectAsync(a, "node-m", outboxFirst: 4, outboxLast: 3);
        await onA.SendEventsAsync(Ev.Range(4, 6));
        await onA.WaitForAckAsync(6);

        // Back on B while A's connection is still open: B reads the seq A stored, not the one it saw itself.
        await using var back = await TestAgent.ConnectAsync(b, "node-m", outboxFirst: 4, outboxLast: 6);
        Assert.Equal(6, back.Welcome!.DurableSeq);
        await back.SendEventsAsync(Ev.Range(4, 8));
        await back.WaitForAckAsync(8);
        // A hears that B took the node and closes the connection the agent left behind there.
        var (code, reason) = await onA.WaitClosedAsync();
        await onA.DisposeAsync();
        Assert.Equal(CloseCodes.DuplicateNode, code);
        Assert.Equal("node node-m connected to supervisor sup-b", reason);
        await Task.Delay(1000);

        var seqs = (await a.GetDataAsync("/api/v1/events?node_id=node-m&type=message.delta&limit=100")).EnumerateArray()
            .Select(e => e.GetProperty("seq").GetInt64()).Order().ToArray();
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8], seqs);
        var node = await b.GetDataAsync("/api/v1/nodes/node-m");
        Assert.Equal("online", node.GetProperty("status").GetString());
        var list = await b.GetDataAsync("/api/v1/supervisors");
        Assert.Equal(1, list.EnumerateArray().Single(s => s.GetProperty("supervisor_id").GetString() == "sup-b").GetProperty("nodes").GetInt64());
        Assert.Equal(0, list.EnumerateArray().Single(s => s.GetProperty("supervisor_id").GetString() == "sup-a").GetProperty("nodes").GetInt64());
    }

    [PostgresOnlyFact("several supervisors share one PostgreSQL database")]
    public async Task CommandOnOneSupervisor_NodeOnTheOther_DeliveredThereAndAnsweredHere()
    {
        using var dir = new TempDirectory("hal-cluster");
        await using var a = await SupervisorHost.StartAsync(Cluster("sup-a"), reuse: dir);
        await using var b = await SupervisorHost.StartAsync(Cluster("sup-b"), reuse: dir);

        // Connected to B: a start posted to A reaches the agent through B, and A answers with the agent's result.
        await using (var agent = await TestAgent.ConnectAsync(b, "node-x"))
        {
            var post = a.Api.PostAsJsonAsync("/api/v1/projects/alpha/start", new { prompt = "hello" });
            var command = await agent.ReceiveCommandAsync();
            Assert.Equal(CommandTypes.Start, command.Type);
            await agent.ReplyAsync(command, """{"session_id":"ses_x1"}""");
            using var response = await post;
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(200 == (int)response.StatusCode, body.GetRawText());
            Assert.Equal("ses_x1", body.GetProperty("data").GetProperty("result").GetProperty("session_id").GetString());
        }
        await SupervisorHost.WaitUntilAsync(async () => (await a.GetDataAsync("/api/v1/nodes/node-x")).GetProperty("status").GetString() == "offline",
            "the node to go offline");

        // Stored on A while the node is connected nowhere; the node comes back on B, which takes the command and sends it once.
        var waiting = a.Api.PostAsJsonAsync("/api/v1/projects/alpha/start", new { prompt = "again" });
        await Task.Delay(500);
        await using var back = await TestAgent.ConnectAsync(b, "node-x");
        var second = await back.ReceiveCommandAsync();
        Assert.Equal("again", second.Args.GetProperty("prompt").GetString());
        await back.ReplyAsync(second, """{"session_id":"ses_x2"}""");
        using var answered = await waiting;
        Assert.Equal(200, (int)answered.StatusCode);
        Assert.Null(await back.TryReceiveCommandAsync(1000));
        var stored = await b.GetDataAsync($"/api/v1/commands/{second.CommandId}");
        Assert.Equal("succeeded", stored.GetProperty("state").GetString());
        Assert.Equal(1, stored.GetProperty("attempts").GetInt32());
    }

    [PostgresOnlyFact("several supervisors share one PostgreSQL database")]
    public async Task LiveStream_OnOneSupervisor_EventsStoredByBoth_EachOnceInIdOrder()
    {
        const int PerNode = 300;
        using var dir = new TempDirectory("hal-cluster");
        await using var a = await SupervisorHost.StartAsync(Cluster("sup-a"), reuse: dir);
        await using var b = await SupervisorHost.StartAsync(Cluster("sup-b"), reuse: dir);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream?type=message.delta");
        using var response = await b.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await using var onA = await TestAgent.ConnectAsync(a, "node-on-a");
        await using var onB = await TestAgent.ConnectAsync(b, "node-on-b");

        // Both supervisors store at the same time, in small batches, so their commits interleave.
        async Task SendAllAsync(TestAgent agent)
        {
            for (long from = 1; from <= PerNode; from += 20)
            {
                await agent.SendEventsAsync(Ev.Range(from, from + 19, sessionId: $"ses_{agent.NodeId}"));
            }
            await agent.WaitForAckAsync(PerNode);
        }
        await Task.WhenAll(SendAllAsync(onA), SendAllAsync(onB));

        var received = new List<(long Id, string Node, long Seq)>();
        while (received.Count < 2 * PerNode)
        {
            JsonElement data;
            try
            {
                data = (await SseEvents.ReadAsync(reader)).Data;
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"the stream stopped after {received.Count} of {2 * PerNode} events: {string.Join(' ', received.Select(e => $"{e.Node[^1]}{e.Seq}"))}");
                throw;
            }
            received.Add((data.GetProperty("id").GetInt64(), data.GetProperty("node_id").GetString()!, data.GetProperty("seq").GetInt64()));
        }
        Assert.Equal(received.Select(e => e.Id).Order(), received.Select(e => e.Id));
        foreach (var node in new[] { "node-on-a", "node-on-b" })
        {
            Assert.Equal(Enumerable.Range(1, PerNode).Select(i => (long)i), received.Where(e => e.Node == node).Select(e => e.Seq));
        }
    }

    private static Action<JsonObject> Cluster(string id) => config =>
        config["cluster"] = new JsonObject { ["supervisor_id"] = id, ["heartbeat_sec"] = 1, ["lease_sec"] = 3 };

    private static async Task<List<JsonElement>> WaitForAsync(SupervisorHost host, Func<List<JsonElement>, bool> condition, string what, int timeoutMs = 10_000)
    {
        List<JsonElement> list = [];
        await SupervisorHost.WaitUntilAsync(async () =>
        {
            list = [.. (await host.GetDataAsync("/api/v1/supervisors")).EnumerateArray()];
            return condition(list);
        }, what, timeoutMs);
        return list;
    }
}
