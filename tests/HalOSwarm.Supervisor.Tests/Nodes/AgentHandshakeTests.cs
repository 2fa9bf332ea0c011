using System.Net;
using System.Net.WebSockets;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Nodes;

public sealed class AgentHandshakeTests
{
    [Fact]
    public async Task Hello_ValidToken_WelcomeAndNodeOnline()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-a");

        Assert.Equal(0, agent.Welcome!.DurableSeq);
        Assert.Equal(30, agent.Welcome.HeartbeatIntervalSec);
        Assert.Equal(ProtocolInfo.DefaultMaxFrameBytes, agent.Welcome.MaxFrameBytes);
        var node = await host.GetDataAsync("/api/v1/nodes/node-a");
        Assert.Equal("online", node.GetProperty("status").GetString());
        Assert.Equal("host-node-a", node.GetProperty("hostname").GetString());
        Assert.Equal("alpha", node.GetProperty("projects")[0].GetProperty("name").GetString());
        Assert.Equal(12.5, node.GetProperty("resources").GetProperty("cpu_percent").GetDouble());
        var events = await host.GetDataAsync("/api/v1/events?type=node.online");
        Assert.Equal(1, events.GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, events[0].GetProperty("seq").ValueKind);
    }

    [Fact]
    public async Task Connect_WrongToken_401AndNothingRegistered()
    {
        await using var host = await SupervisorHost.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer wrong-token-wrong-token");
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAnyAsync<WebSocketException>(() => socket.ConnectAsync(host.AgentUri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        var nodes = await host.GetDataAsync("/api/v1/nodes");
        Assert.Equal(0, nodes.GetArrayLength());
    }

    [Fact]
    public async Task Hello_DuplicateNodeId_SecondClosedWith4409FirstKeepsWorking()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var first = await TestAgent.ConnectAsync(host, "node-dup");
        await using var second = await TestAgent.OpenAsync(host, "node-dup");

        await second.SendHelloAsync();
        var (code, reason) = await second.WaitClosedAsync();

        Assert.Equal(CloseCodes.DuplicateNode, code);
        Assert.Contains("already connected", reason, StringComparison.Ordinal);
        await first.SendEventsAsync(Ev.Range(1, 2));
        await first.WaitForAckAsync(2);
    }

    [Fact]
    public async Task Reconnect_AfterEvents_WelcomeCarriesDurableSeq()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using (var agent = await TestAgent.ConnectAsync(host, "node-r"))
        {
            await agent.SendEventsAsync(Ev.Range(1, 5));
            await agent.WaitForAckAsync(5);
        }
        await SupervisorHost.WaitUntilAsync(async () =>
            (await host.GetDataAsync("/api/v1/nodes/node-r")).GetProperty("status").GetString() == "offline", "node offline");

        await using var again = await TestAgent.ConnectAsync(host, "node-r");

        Assert.Equal(5, again.Welcome!.DurableSeq);
    }
}
