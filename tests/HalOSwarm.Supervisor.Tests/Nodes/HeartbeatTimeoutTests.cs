using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Supervisor.Tests.Nodes;

public sealed class HeartbeatTimeoutTests
{
    [Fact]
    public async Task SilentAgent_MissesHeartbeats_ClosedWith4408NodeOfflineSessionsUnreachable()
    {
        await using var host = await SupervisorHost.StartAsync(c =>
        {
            c["server"]!["heartbeat_interval_sec"] = 1;
            c["server"]!["heartbeat_timeout_count"] = 2;
        });
        var snapshot = new SessionSnapshot("ses_hb", "alpha", RuntimeNames.OpenCode, SessionStatuses.Running, "m", "t", Ev.T0, Ev.T0);
        await using var agent = await TestAgent.ConnectAsync(host, "node-hb", sessions: [snapshot]);
        await agent.ReceiveAsync(MessageTypes.Heartbeat, 5000);

        var (code, reason) = await agent.WaitClosedAsync(8000);

        Assert.Equal(CloseCodes.HeartbeatTimeout, code);
        Assert.Contains("heartbeats", reason, StringComparison.Ordinal);
        await SupervisorHost.WaitUntilAsync(async () =>
            (await host.GetDataAsync("/api/v1/nodes/node-hb")).GetProperty("status").GetString() == "offline", "node offline");
        var session = await host.GetDataAsync("/api/v1/sessions/ses_hb");
        Assert.Equal("unreachable", session.GetProperty("status").GetString());
        var offline = await host.GetDataAsync("/api/v1/events?type=node.offline&node_id=node-hb");
        Assert.Equal(1, offline.GetArrayLength());
        Assert.Contains("heartbeats", offline[0].GetProperty("data").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_WhileTheWelcomeWaitsForTheWriter_NoHeartbeatNoCloseAndTheWelcomeComesFirst()
    {
        await using var host = await SupervisorHost.StartAsync();
        var registry = host.Service<AgentRegistry>();
        var server = host.Service<IOptions<ServerOptions>>();
        // Sweeps that see the connection as it is and a minute later (silent for far longer than the timeout).
        var now = new HeartbeatSweeper(registry, server, TimeProvider.System, NullLogger<HeartbeatSweeper>.Instance);
        var later = new HeartbeatSweeper(registry, server, new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1)), NullLogger<HeartbeatSweeper>.Instance);
        // Another connection holds the database's write lock, so the hello's write (and so the welcome) waits.
        var writeLock = await host.LockDatabaseAsync();
        await using var agent = await TestAgent.OpenAsync(host, "node-slow");

        await agent.SendHelloAsync();
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(registry.Connections.Any(c => c.NodeId == "node-slow")), "the hello to register the node");
        now.Sweep(server.Value);
        later.Sweep(server.Value);
        await writeLock.DisposeAsync();

        Assert.Equal(MessageTypes.Welcome, (await agent.ReceiveNextAsync()).Type);
        now.Sweep(server.Value);
        Assert.Equal(MessageTypes.Heartbeat, (await agent.ReceiveNextAsync()).Type);
        Assert.False(agent.Closed.IsCompleted);
    }
}
