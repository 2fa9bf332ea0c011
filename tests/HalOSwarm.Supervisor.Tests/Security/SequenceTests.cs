using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Security;

/// <summary>A hello's outbox range is a claim, never a fact: it cannot move a node's durable seq or poison its counter.</summary>
public sealed class SequenceTests
{
    private static readonly Dictionary<string, string> s_node = new() { ["node"] = "SELECT node_id, durable_seq FROM nodes" };

    [Theory]
    [InlineData(1L << 62, (1L << 62) + 5)]   // past the highest seq: the real agent's counter would overflow
    [InlineData(-5L, 3L)]                    // negative
    [InlineData(20L, 3L)]                    // first > last + 1
    public async Task Hello_ImpossibleOutboxRange_Refused4422DurableUnchanged(long first, long last)
    {
        await using var host = await SupervisorHost.StartAsync();
        await using (var real = await TestAgent.ConnectAsync(host, "node-s"))
        {
            await real.SendEventsAsync(Ev.Range(1, 10));
            await real.WaitForAckAsync(10);
        }
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/nodes/node-s")).GetProperty("status").GetString() == "offline", "offline");
        var before = await DbSnapshot.TakeAsync(host, s_node);

        await using var forged = await TestAgent.OpenAsync(host, "node-s");
        await forged.SendHelloAsync(outboxFirst: first, outboxLast: last);
        var (code, reason) = await forged.WaitClosedAsync();

        Assert.Equal(CloseCodes.HelloRefused, code);
        Assert.Contains("outbox", reason, StringComparison.Ordinal);
        Assert.True(CloseCodes.IsPermanent(code));
        (await DbSnapshot.TakeAsync(host, s_node)).AssertSameAs(before);
    }

    [Fact]
    public async Task Hello_ClaimsOutboxFarAhead_NoEventFollows_DurableSeqUnchangedRealAgentContinues()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using (var real = await TestAgent.ConnectAsync(host, "node-s"))
        {
            await real.SendEventsAsync(Ev.Range(1, 10));
            await real.WaitForAckAsync(10);
        }
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/nodes/node-s")).GetProperty("status").GetString() == "offline", "offline");

        await using (var forged = await TestAgent.ConnectAsync(host, "node-s", outboxFirst: 1_000_000, outboxLast: 1_000_005))
        {
            Assert.Equal(10, forged.Welcome!.DurableSeq);
        }
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/nodes/node-s")).GetProperty("status").GetString() == "offline", "offline");
        Assert.Equal(10, (await host.GetDataAsync("/api/v1/nodes/node-s")).GetProperty("durable_seq").GetInt64());

        await using var back = await TestAgent.ConnectAsync(host, "node-s", outboxFirst: 11, outboxLast: 12);
        Assert.Equal(10, back.Welcome!.DurableSeq);
        await back.SendEventsAsync(Ev.Range(11, 12));
        await back.WaitForAckAsync(12);
    }

    [Fact]
    public async Task Events_SeqPastTheHighest_Refused4400NothingStored()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-big-seq", outboxFirst: ProtocolLimits.MaxSeq, outboxLast: ProtocolLimits.MaxSeq);
        var before = await DbSnapshot.TakeAsync(host, s_node);

        await agent.SendEventsAsync(Ev.Make(1, EventTypes.MessageDelta) with { Seq = ProtocolLimits.MaxSeq + 1 });

        Assert.Equal(CloseCodes.MalformedFrame, (await agent.WaitClosedAsync()).Code);
        (await DbSnapshot.TakeAsync(host, s_node)).AssertSameAs(before, "events", "nodes"); // node.offline, status
        Assert.Equal(0, (await host.GetDataAsync("/api/v1/events?node_id=node-big-seq&type=message.*")).GetArrayLength());
    }
}
