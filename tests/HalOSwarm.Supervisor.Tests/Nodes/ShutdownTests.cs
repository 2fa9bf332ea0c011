using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Nodes;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stop_AgentConnected_ClosedWith1001AndEventsKept()
    {
        using var temp = new HalOSwarm.Testing.TempDirectory("hal-stop");
        await using (var host = await SupervisorHost.StartAsync(reuse: temp))
        {
            await using var agent = await TestAgent.ConnectAsync(host, "node-stop");
            await agent.SendEventsAsync(Ev.Range(1, 50));
            await agent.WaitForAckAsync(50);

            var stopping = host.App.StopAsync();
            var (code, _) = await agent.WaitClosedAsync();
            await stopping;

            Assert.Equal(CloseCodes.GoingAway, code);
        }

        await using var restarted = await SupervisorHost.StartAsync(reuse: temp);
        await using var again = await TestAgent.ConnectAsync(restarted, "node-stop");
        Assert.Equal(50, again.Welcome!.DurableSeq);
        Assert.Equal(50, (await restarted.GetDataAsync("/api/v1/events?node_id=node-stop&type=message.delta&limit=1000")).GetArrayLength());
    }
}
