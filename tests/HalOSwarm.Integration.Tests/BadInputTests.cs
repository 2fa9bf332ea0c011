using System.Net;
using System.Net.WebSockets;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Protocol;
using HalOSwarm.Testing.Agents;

namespace HalOSwarm.Integration.Tests;

/// <summary>Bad input on the agent socket gets a clear refusal and changes nothing, against the built supervisor.</summary>
public sealed class BadInputTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AgentSocket_WrongToken_Returns401AndRegistersNothing()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Authorization", "Bearer wrong-token");
        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri($"ws://127.0.0.1:{cluster.AgentPort}{ProtocolInfo.AgentPath}"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);

        using var noToken = new ClientWebSocket();
        noToken.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() =>
            noToken.ConnectAsync(new Uri($"ws://127.0.0.1:{cluster.AgentPort}{ProtocolInfo.AgentPath}"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.HttpStatusCode);

        var nodes = await cluster.GetDataAsync("api/v1/nodes");
        Assert.Equal(0, nodes.GetArrayLength());
    }

    [Fact]
    public async Task AgentSocket_BadFrames_ClosedWithReasonNothingStoredOtherAgentsServed()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        await using var good = new RawAgentClient("node-good");
        await good.ConnectAsync(cluster.AgentPort, HalCluster.Token);
        await good.HandshakeAsync();
        await good.SendEventsAsync("ses_good", [1, 2, 3]);
        Assert.Equal(3, await good.WaitForAckAsync(3, s_wait));

        await AssertRefusedAsync(cluster, "node-malformed", c => c.SendRawAsync("{\"v\":1,\"type\":\"events\",\"payload\":{\"events\":[{\"seq\":1,"), 4400);
        await AssertRefusedAsync(cluster, "node-unknown", c => c.SendRawAsync("{\"v\":1,\"type\":\"launch_missiles\",\"ts\":\"2026-01-01T00:00:00Z\",\"payload\":{}}"), 4404);
        await AssertRefusedAsync(cluster, "node-oversized", c => c.SendRawAsync(new byte[ProtocolInfo.DefaultMaxFrameBytes + 1024]), (int)WebSocketCloseStatus.MessageTooBig);

        // events before hello: refused, and the node never registered
        await using (var early = new RawAgentClient("node-early"))
        {
            await early.ConnectAsync(cluster.AgentPort, HalCluster.Token);
            await early.SendEventsAsync("ses_early", [1]);
            var (status, reason) = await early.WaitForCloseAsync(s_wait);
            Assert.Equal(4401, (int?)status);
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }

        // the good agent was never disturbed
        await good.SendEventsAsync("ses_good", [4, 5, 6]);
        Assert.Equal(6, await good.WaitForAckAsync(6, s_wait));
        Assert.Equal((6, 6, 1, 6), cluster.StoredSeqs("node-good"));
        foreach (var node in new[] { "node-malformed", "node-unknown", "node-oversized", "node-early" })
        {
            Assert.Equal(0, cluster.StoredSeqs(node).Rows);
        }
        var early404 = await cluster.Api.GetAsync("api/v1/nodes/node-early");
        Assert.Equal(HttpStatusCode.NotFound, early404.StatusCode);
    }

    [Fact]
    public async Task AgentSocket_SecondConnectionWithSameNodeId_RefusedWhileFirstKeepsWorking()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        await using var first = new RawAgentClient("node-twin");
        await first.ConnectAsync(cluster.AgentPort, HalCluster.Token);
        await first.HandshakeAsync();

        await using var second = new RawAgentClient("node-twin");
        await second.ConnectAsync(cluster.AgentPort, HalCluster.Token);
        await second.SendAsync(MessageTypes.Hello, second.MakeHello(), ProtocolJsonContext.Default.Hello);
        var (status, reason) = await second.WaitForCloseAsync(s_wait);
        Assert.Equal(4409, (int?)status);
        Assert.Contains("already connected", reason, StringComparison.OrdinalIgnoreCase);

        await first.SendEventsAsync("ses_twin", [1, 2]);
        Assert.Equal(2, await first.WaitForAckAsync(2, s_wait));
    }

    [Fact]
    public async Task AgentSocket_DuplicateAndGap_DuplicatesDroppedGapReplayed()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        await using var agent = new RawAgentClient("node-seq");
        await agent.ConnectAsync(cluster.AgentPort, HalCluster.Token);
        await agent.HandshakeAsync();
        await agent.SendEventsAsync("ses_seq", [1, 2, 3]);
        Assert.Equal(3, await agent.WaitForAckAsync(3, s_wait));

        await agent.SendEventsAsync("ses_seq", [2, 3]); // duplicates
        await agent.SendEventsAsync("ses_seq", [6, 7]); // a gap after 3
        using var cts = new CancellationTokenSource(s_wait);
        Envelope? envelope;
        do
        {
            envelope = await agent.ReceiveAsync(cts.Token);
        }
        while (envelope is not null && envelope.Type != MessageTypes.Replay);
        Assert.NotNull(envelope);
        Assert.Equal(4, envelope.Payload.GetProperty("from_seq").GetInt64());

        await agent.SendEventsAsync("ses_seq", [4, 5, 6, 7]);
        Assert.Equal(7, await agent.WaitForAckAsync(7, s_wait));
        Assert.Equal((7, 7, 1, 7), cluster.StoredSeqs("node-seq"));
    }

    private static async Task AssertRefusedAsync(HalCluster cluster, string nodeId, Func<RawAgentClient, Task> misbehave, int expectedCode)
    {
        await using var client = new RawAgentClient(nodeId);
        await client.ConnectAsync(cluster.AgentPort, HalCluster.Token);
        await client.HandshakeAsync();
        try
        {
            await misbehave(client);
        }
        catch (WebSocketException)
        {
            // the supervisor may close while a large frame is still being written
        }
        var (status, reason) = await client.WaitForCloseAsync(s_wait);
        Assert.Equal(expectedCode, (int?)status);
        Assert.False(string.IsNullOrWhiteSpace(reason), "a close reason in words");
    }
}
