using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Nodes;

public sealed class BadInputTests
{
    [Fact]
    public async Task MalformedFrame_ClosedWith4400_OtherAgentKeepsWorking()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var good = await TestAgent.ConnectAsync(host, "node-good");
        await using var bad = await TestAgent.ConnectAsync(host, "node-bad");

        await bad.SendRawAsync("{not json");
        var (code, reason) = await bad.WaitClosedAsync();

        Assert.Equal(CloseCodes.MalformedFrame, code);
        Assert.StartsWith("malformed frame", reason, StringComparison.Ordinal);
        await good.SendEventsAsync(Ev.Range(1, 3));
        await good.WaitForAckAsync(3);
    }

    [Fact]
    public async Task UnknownMessageType_ClosedWith4404_NothingStored()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-u");

        await agent.SendRawAsync("""{"v":1,"type":"bogus","ts":"2026-11-25T12:00:00+00:00","payload":{}}""");
        var (code, reason) = await agent.WaitClosedAsync();

        Assert.Equal(CloseCodes.UnknownMessageType, code);
        Assert.Contains("'bogus'", reason, StringComparison.Ordinal);
        var events = await host.GetDataAsync("/api/v1/events?node_id=node-u&type=message.*");
        Assert.Equal(0, events.GetArrayLength());
    }

    [Fact]
    public async Task OversizedFrame_ClosedWith1009_OtherAgentKeepsWorking()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["server"]!["max_frame_bytes"] = 8192);
        await using var good = await TestAgent.ConnectAsync(host, "node-ok");
        await using var big = await TestAgent.ConnectAsync(host, "node-big");

        var text = new string('x', 20_000);
        await big.SendEventsAsync(Ev.Make(1, EventTypes.MessageDelta, "ses_big", $$"""{"message_id":"m","text":"{{text}}"}"""));
        var (code, _) = await big.WaitClosedAsync();

        Assert.Equal(CloseCodes.MessageTooBig, code);
        await good.SendEventsAsync(Ev.Range(1, 1));
        await good.WaitForAckAsync(1);
        var events = await host.GetDataAsync("/api/v1/events?node_id=node-big&type=message.delta");
        Assert.Equal(0, events.GetArrayLength());
    }

    [Fact]
    public async Task EventsBeforeHello_ClosedWith4401_NothingRegistered()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.OpenAsync(host, "node-early");

        await agent.SendEventsAsync(Ev.Range(1, 2));
        var (code, _) = await agent.WaitClosedAsync();

        Assert.Equal(CloseCodes.HandshakeFailed, code);
        Assert.Equal(0, (await host.GetDataAsync("/api/v1/nodes")).GetArrayLength());
        Assert.Equal(0, (await host.GetDataAsync("/api/v1/events")).GetArrayLength());
    }

    [Fact]
    public async Task Hello_NoCommonProtocolVersion_ClosedWith4426()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.OpenAsync(host, "node-v");
        var hello = new Hello("node-v", "h", "x", [99], [], [], new ResourceUsage(0, 0, 0, 0, 0), [], 1, 0);

        await agent.SendAsync(MessageTypes.Hello, hello, ProtocolJsonContext.Default.Hello);

        Assert.Equal(CloseCodes.UnsupportedVersion, (await agent.WaitClosedAsync()).Code);
    }

    [Fact]
    public async Task NoHello_WithinTimeout_ClosedWith4401()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["server"]!["hello_timeout_sec"] = 1);
        await using var agent = await TestAgent.OpenAsync(host, "node-quiet");

        var (code, reason) = await agent.WaitClosedAsync(5000);

        Assert.Equal(CloseCodes.HandshakeFailed, code);
        Assert.Contains("no hello", reason, StringComparison.Ordinal);
    }
}
