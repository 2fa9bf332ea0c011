using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Routing;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Channels.Routing;

/// <summary>The idle sweep in the composed supervisor: sessions idle longer than a rule's idle_for alert once per idle period.</summary>
public sealed class IdleSweepTests
{
    private const string Routes = """
        [{"name": "idle", "where": ["idle_for > 5m", "project == alpha"], "targets": ["webhook:ops"]}]
        """;

    private static async Task<IReadOnlyList<StoredAlert>> SweepUntilAsync(SupervisorHost host, string sessionId)
    {
        IReadOnlyList<StoredAlert> alerts = [];
        await SupervisorHost.WaitUntilAsync(async () =>
        {
            await host.Service<IdleSweep>().SweepAsync(CancellationToken.None);
            alerts = await host.Service<AlertQueries>().ListAsync(sessionId, "idle", 10, CancellationToken.None);
            return alerts.Count > 0;
        }, "an idle alert for " + sessionId);
        return alerts;
    }

    private static AgentEvent[] GoesIdle(long seq, string sessionId) =>
    [
        Ev.Make(seq, EventTypes.SessionCreated, sessionId, """{"project":"alpha","runtime":"opencode"}"""),
        Ev.Make(seq + 1, EventTypes.SessionIdle, sessionId),
    ];

    [Fact]
    public async Task IdleSession_AlertsOncePerIdlePeriod_AlsoAfterARestart()
    {
        using var temp = new TempDirectory("hal-idle");
        await using (var host = await SupervisorHost.StartAsync(RouterHost.Channels(Routes), temp))
        {
            await using var agent = await TestAgent.ConnectAsync(host, "node-i", []);
            await agent.SendEventsAsync(GoesIdle(1, "ses_a"));

            var alert = Assert.Single(await SweepUntilAsync(host, "ses_a"));
            Assert.Equal(EventTypes.SessionIdle, alert.Alert.EventType);
            Assert.Equal("Session ses_a idle for over 5m", alert.Alert.Title);
            Assert.Null(alert.Alert.EventId);
            Assert.StartsWith("idle:ses_a:", alert.DedupKey, StringComparison.Ordinal);
            Assert.Equal([AlertActions.Resume, AlertActions.Restart, AlertActions.Kill], alert.Alert.Actions.Select(a => a.Action));
            Assert.Equal("webhook:ops", Assert.Single(alert.Deliveries).Target);
        }

        await using var again = await SupervisorHost.StartAsync(RouterHost.Channels(Routes), temp);
        await using var next = await TestAgent.ConnectAsync(again, "node-i", []);
        await next.SendEventsAsync(GoesIdle(3, "ses_b"));
        await SweepUntilAsync(again, "ses_b");

        Assert.Single(await again.Service<AlertQueries>().ListAsync("ses_a", "idle", 10, CancellationToken.None));
    }
}
