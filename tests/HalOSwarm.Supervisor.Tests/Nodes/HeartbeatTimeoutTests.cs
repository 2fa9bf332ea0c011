using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

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
}
