using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Events;

public sealed class EventPipelineTests
{
    [Fact]
    public async Task Events_WithDuplicates_StoredExactlyOnceAndAcked()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-e");

        await agent.SendEventsAsync(Ev.Range(1, 3));
        await agent.SendEventsAsync(Ev.Range(2, 5));
        await agent.SendEventsAsync(Ev.Range(1, 5));
        await agent.WaitForAckAsync(5);

        var events = await host.GetDataAsync("/api/v1/events?node_id=node-e&type=message.delta");
        Assert.Equal([1L, 2, 3, 4, 5], events.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal("t3", events[2].GetProperty("data").GetProperty("text").GetString());
        var node = await host.GetDataAsync("/api/v1/nodes/node-e");
        Assert.Equal(5, node.GetProperty("durable_seq").GetInt64());
    }

    [Fact]
    public async Task Events_WithGap_ReplayRequestedAndDroppedUntilFilled()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-g");

        await agent.SendEventsAsync(Ev.Range(1, 2));
        await agent.SendEventsAsync(Ev.Range(5, 6));
        var replay = (await agent.ReceiveAsync(MessageTypes.Replay)).Payload.Deserialize(ProtocolJsonContext.Default.Replay)!;
        Assert.Equal(3, replay.FromSeq);
        await agent.SendEventsAsync(Ev.Range(7, 8));
        await agent.SendEventsAsync(Ev.Range(3, 8));
        await agent.WaitForAckAsync(8);

        var events = await host.GetDataAsync("/api/v1/events?node_id=node-g&type=message.delta");
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), events.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Hello_OutboxStartsPastDurable_AcceptsFromOutboxStart()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-h", outboxFirst: 10, outboxLast: 12);

        // The claim moves nothing by itself; the claimed first event, when it comes, is accepted past the gap.
        Assert.Equal(0, agent.Welcome!.DurableSeq);
        await agent.SendEventsAsync(Ev.Range(10, 12));
        await agent.WaitForAckAsync(12);
        var node = await host.GetDataAsync("/api/v1/nodes/node-h");
        Assert.Equal(12, node.GetProperty("durable_seq").GetInt64());
    }
}
