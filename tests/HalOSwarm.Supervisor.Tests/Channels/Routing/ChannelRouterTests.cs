using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Channels.Routing;

/// <summary>The router in the composed supervisor: real agent events in, stored alerts with their post deliveries out.</summary>
public sealed class ChannelRouterTests
{
    private const string Routes = """
        [
          {"name": "quota", "match": "session.error", "where": ["data.message contains quota", "project == alpha"],
           "targets": ["webhook:ops", "webhook:audit"], "template": "{session} of {project} failed: {data.message}"},
          {"name": "loop", "match": "session.*", "where": ["type == session.error", "count >= 3 within 10m"], "target": "webhook:ops"},
          {"name": "quiet", "match": "session.error", "where": ["data.message contains rate"], "throttle": "10m", "target": "webhook:ops"},
          {"name": "marker", "match": "task.progress", "target": "webhook:ops"}
        ]
        """;

    private static AgentEvent Error(long seq, string message) =>
        Ev.Make(seq, EventTypes.SessionError, "ses_1", $$"""{"error_name":"APIError","message":"{{message}}"}""");

    private static AgentEvent Marker(long seq) => Ev.Make(seq, EventTypes.TaskProgress, "ses_1", """{"done":1,"total":2}""");

    private static async Task<TestAgent> AgentAsync(SupervisorHost host) =>
        await TestAgent.ConnectAsync(host, "node-r", [AgentCommands.Session("ses_1")]);

    [Fact]
    public async Task MatchingEvent_OneAlertWithTemplateTextAndAPostPerTarget_NonMatchingNone()
    {
        await using var host = await SupervisorHost.StartAsync(RouterHost.Channels(Routes));
        await using var agent = await AgentAsync(host);

        await agent.SendEventsAsync(Error(1, "context overflow"), Error(2, "quota exceeded for the day"));

        var alert = Assert.Single(await RouterHost.WaitForAlertsAsync(host, "quota", 1));
        Assert.Equal("e:" + alert.Alert.EventId + ":quota", alert.DedupKey);
        Assert.Equal("ses_1 of alpha failed: quota exceeded for the day", alert.Alert.Text);
        Assert.Equal("Session ses_1 failed", alert.Alert.Title);
        Assert.Equal(AlertSeverities.Critical, alert.Alert.Severity);
        Assert.Equal([("Session", "ses_1"), ("Project", "alpha"), ("Node", "node-r")], alert.Alert.Fields.Select(f => (f.Name, f.Value)));
        Assert.Equal([AlertActions.Resume, AlertActions.Restart, AlertActions.Kill], alert.Alert.Actions.Select(a => a.Action));
        Assert.Equal("https://hal.example.test/sessions/ses_1", alert.Alert.OpenUrl);
        Assert.Equal(alert.Id, alert.Alert.AlertId);
        Assert.Equal(["webhook:audit", "webhook:ops"], alert.Deliveries.Select(d => d.Target).Order(StringComparer.Ordinal));
        Assert.All(alert.Deliveries, d => Assert.Equal("post", d.Op));
        Assert.All(alert.Deliveries, d => Assert.Contains(d.State, new[] { "pending", "delivered", "failed" }));
    }

    [Fact]
    public async Task CountWithin_ThirdMatchingEventAlerts_NotTheFirstTwo()
    {
        await using var host = await SupervisorHost.StartAsync(RouterHost.Channels(Routes));
        await using var agent = await AgentAsync(host);

        await agent.SendEventsAsync(Error(1, "one"), Error(2, "two"), Marker(3));
        await RouterHost.WaitForAlertsAsync(host, "marker", 1);
        Assert.Empty(await RouterHost.AlertsAsync(host, "loop"));

        await agent.SendEventsAsync(Error(4, "three"));

        var alert = Assert.Single(await RouterHost.WaitForAlertsAsync(host, "loop", 1));
        Assert.Equal("APIError: three", alert.Alert.Text);
    }

    [Fact]
    public async Task Throttle_SecondMatchWithinTheWindow_Dropped()
    {
        await using var host = await SupervisorHost.StartAsync(RouterHost.Channels(Routes));
        await using var agent = await AgentAsync(host);

        await agent.SendEventsAsync(Error(1, "rate limited"), Error(2, "rate limited again"), Marker(3));
        await RouterHost.WaitForAlertsAsync(host, "marker", 1);

        var alert = Assert.Single(await RouterHost.AlertsAsync(host, "quiet"));
        Assert.Equal("APIError: rate limited", alert.Alert.Text);
    }

    [Fact]
    public async Task Restart_EventsRoutedBeforeNotAgain_EventsStoredWhileRoutingWasDownRouted()
    {
        using var temp = new TempDirectory("hal-route");
        await using (var first = await SupervisorHost.StartAsync(RouterHost.Channels(Routes), temp))
        {
            await using var agent = await AgentAsync(first);
            await agent.SendEventsAsync(Error(1, "quota one"));
            await RouterHost.WaitForAlertsAsync(first, "quota", 1);
        }
        // No routes and no channel named alerts: the router does not run while these are stored.
        await using (var down = await SupervisorHost.StartAsync(c => c["channels"] = new System.Text.Json.Nodes.JsonObject(), temp))
        {
            await using var agent = await AgentAsync(down);
            await agent.SendEventsAsync(Error(2, "quota two"));
            await agent.WaitForAckAsync(2);
        }

        await using var again = await SupervisorHost.StartAsync(RouterHost.Channels(Routes), temp);
        await using var last = await AgentAsync(again);
        await last.SendEventsAsync(Error(3, "quota three"));

        var alerts = await RouterHost.WaitForAlertsAsync(again, "quota", 3);
        await last.SendEventsAsync(Marker(4));
        await RouterHost.WaitForAlertsAsync(again, "marker", 1);
        Assert.Equal(["quota one", "quota two", "quota three"],
            (await RouterHost.AlertsAsync(again, "quota")).Select(a => a.Alert.Text.Split(": ")[1]).Reverse());
        Assert.Equal(3, alerts.Select(a => a.DedupKey).Distinct().Count());
    }

    [Fact]
    public async Task DefaultRules_PermissionRequest_AlertToEveryAlertsChannelWithTheCommandAndApproveButtons()
    {
        await using var host = await SupervisorHost.StartAsync(RouterHost.Channels("[]"));
        await using var agent = await AgentAsync(host);

        await agent.SendEventsAsync(Ev.Make(1, EventTypes.PermissionAsked, "ses_1",
            """{"permission_id":"per_1","permission":"bash","tool":"bash","patterns":["rm -rf build/"],"reason":"clean the build"}"""));

        var alert = Assert.Single(await RouterHost.WaitForAlertsAsync(host, "default-needs-input", 1));
        Assert.Equal(EventTypes.SessionNeedsInput, alert.Alert.EventType);
        Assert.Equal("Session ses_1 needs input", alert.Alert.Title);
        Assert.Contains("rm -rf build/", alert.Alert.Text, StringComparison.Ordinal);
        Assert.Contains("clean the build", alert.Alert.Text, StringComparison.Ordinal);
        Assert.Contains(alert.Alert.Fields, f => f is { Name: "Command", Value: "rm -rf build/" });
        Assert.StartsWith("apr_", alert.Alert.ApprovalId, StringComparison.Ordinal);
        Assert.Equal([AlertActions.Approve, AlertActions.Always, AlertActions.Deny], alert.Alert.Actions.Select(a => a.Action));
        Assert.Equal(["webhook:alerts"], alert.Deliveries.Select(d => d.Target));
    }
}
