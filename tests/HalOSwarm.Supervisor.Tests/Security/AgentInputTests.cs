using System.Net.WebSockets;
using System.Text;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Security;

/// <summary>What an agent sends is checked against the protocol's limits: ids, counts, types, data, seqs.</summary>
public sealed class AgentInputTests
{
    [Theory]
    [InlineData("node-a\u0000")]
    [InlineData("node-a ")]
    [InlineData("NODE-A")]
    [InlineData("node/../a")]
    [InlineData("")]
    public async Task Hello_NodeIdOutsideTheRule_RefusedWith4422NothingRegistered(string nodeId)
    {
        await using var host = await SupervisorHost.StartAsync();
        var before = await DbSnapshot.TakeAsync(host);
        await using var agent = await TestAgent.OpenAsync(host, nodeId);

        await agent.SendHelloAsync();
        var (code, reason) = await agent.WaitClosedAsync();

        Assert.Equal(nodeId.Length == 0 ? CloseCodes.HandshakeFailed : CloseCodes.HelloRefused, code);
        Assert.Contains("node_id", reason, StringComparison.Ordinal);
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Fact]
    public async Task Hello_HugeNodeId_RefusedNothingRegistered()
    {
        await using var host = await SupervisorHost.StartAsync();
        var before = await DbSnapshot.TakeAsync(host);
        await using var agent = await TestAgent.OpenAsync(host, new string('a', 100_000));

        await agent.SendHelloAsync();

        Assert.Equal(CloseCodes.HelloRefused, (await agent.WaitClosedAsync()).Code);
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Fact]
    public async Task Hello_TenThousandSessions_RefusedNoSessionRows()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["server"]!["max_frame_bytes"] = 8 * 1024 * 1024);
        var before = await DbSnapshot.TakeAsync(host);
        await using var agent = await TestAgent.OpenAsync(host, "node-many");

        await agent.SendHelloAsync([.. Enumerable.Range(0, 10_000).Select(i => AgentCommands.Session($"ses_{i}"))]);
        var (code, reason) = await agent.WaitClosedAsync();

        Assert.Equal(CloseCodes.HelloRefused, code);
        Assert.Contains("10000 sessions", reason, StringComparison.Ordinal);
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Fact]
    public async Task EventsFrame_OverTheAdvertisedBatchLimit_Refused4400NothingStored()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["server"]!["max_frame_bytes"] = 8 * 1024 * 1024);
        await using var agent = await TestAgent.ConnectAsync(host, "node-batch");
        Assert.Equal(500, agent.Welcome!.MaxBatchEvents);
        var before = await DbSnapshot.TakeAsync(host);

        await agent.SendEventsAsync(Ev.Range(1, 5000));
        var (code, reason) = await agent.WaitClosedAsync();

        Assert.Equal(CloseCodes.MalformedFrame, code);
        Assert.Contains("5000 events", reason, StringComparison.Ordinal);
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before, "nodes", "events"); // the node.offline record
        Assert.Equal(0, (await host.GetDataAsync("/api/v1/events?node_id=node-batch&type=message.*")).GetArrayLength());
    }

    [Fact]
    public async Task Events_DataNotAnObjectOrBadTypeOrSessionId_NotStoredCountedSeqMovesOn()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-data");
        var before = await DbSnapshot.TakeAsync(host);

        await agent.SendRawAsync(EventsFrame(
            """{"seq":1,"type":"message.delta","session_id":"ses_1","ts":"2026-11-25T12:00:01Z","data":"just a string"}""",
            """{"seq":2,"type":"message.delta","session_id":"ses_1","ts":"2026-11-25T12:00:02Z","data":[1,2]}""",
            """{"seq":3,"type":"message.delta","session_id":"ses_1","ts":"2026-11-25T12:00:03Z","data":null}""",
            """{"seq":4,"type":"node.offline","session_id":null,"ts":"2026-11-25T12:00:04Z","data":{}}""",
            """{"seq":5,"type":"policy.kill_on_cost","session_id":"ses_1","ts":"2026-11-25T12:00:05Z","data":{}}""",
            """{"seq":6,"type":"message.delta","session_id":"ses 1\n","ts":"2026-11-25T12:00:06Z","data":{}}""",
            """{"seq":7,"type":"env.drift.detected","session_id":null,"ts":"2026-11-25T12:00:07Z","data":{}}"""));
        await agent.WaitForAckAsync(7);

        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before, "nodes");
        Assert.Equal(7, (await host.GetDataAsync("/api/v1/nodes/node-data")).GetProperty("rejected_events").GetInt64());
        await agent.SendEventsAsync(Ev.Make(8, "x_custom.progress", "ses_1", """{"step":1}"""));
        await agent.WaitForAckAsync(8);
        Assert.Equal(1, (await host.GetDataAsync("/api/v1/events?node_id=node-data&type=x_custom.progress")).GetArrayLength());
    }

    [Fact]
    public async Task Events_SentAfterTheSupervisorsCloseFrame_NotStored()
    {
        await using var host = await SupervisorHost.StartAsync(c =>
        {
            c["server"]!["heartbeat_interval_sec"] = 1;
            c["server"]!["heartbeat_timeout_count"] = 1;
        });
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {SupervisorHost.Token}");
        await socket.ConnectAsync(host.AgentUri, CancellationToken.None);
        var hello = new Hello("node-late", "h", "1", [1], [], [], new ResourceUsage(0, 0, 0, 0, 0), [], 1, 0);
        await socket.SendAsync(ProtocolCodec.Encode(MessageTypes.Hello, hello, ProtocolJsonContext.Default.Hello, DateTimeOffset.UtcNow),
            WebSocketMessageType.Text, true, CancellationToken.None);

        // Stay silent until the supervisor gives up on the node and sends its close frame.
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
        }
        while (result.MessageType != WebSocketMessageType.Close);
        Assert.Equal(CloseCodes.HeartbeatTimeout, (int?)result.CloseStatus);
        await socket.SendAsync(Encoding.UTF8.GetBytes(EventsFrame(
            """{"seq":1,"type":"message.delta","session_id":"ses_late","ts":"2026-11-25T12:00:01Z","data":{"text":"late"}}""")),
            WebSocketMessageType.Text, true, CancellationToken.None);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);

        // The node is marked offline once its connection is gone, through the same writer after anything the late
        // frame could have queued: when offline shows, a stored late event would show too.
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/nodes/node-late")).GetProperty("status").GetString() == "offline", "offline");
        Assert.Equal(0, (await host.GetDataAsync("/api/v1/events?node_id=node-late&type=message.*")).GetArrayLength());
        Assert.Equal(0, (await host.GetDataAsync("/api/v1/nodes/node-late")).GetProperty("durable_seq").GetInt64());
    }

    private static string EventsFrame(params string[] events) =>
        "{\"v\":1,\"type\":\"events\",\"ts\":\"2026-11-25T12:00:00Z\",\"payload\":{\"events\":[" + string.Join(",", events) + "]}}";
}
