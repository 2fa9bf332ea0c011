using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Webhook;
using static HalOSwarm.Supervisor.Tests.Channels.Delivery.OutboxTestKit;

namespace HalOSwarm.Supervisor.Tests.Channels.Delivery;

/// <summary>The whole way out: an agent's event, routed by a rule, delivered to the webhook by the outbox.</summary>
public sealed class RoutedDeliveryTests
{
    private const string Routes = """
        [{"name": "errors", "match": "session.error", "target": "webhook:n8n", "template": "{session} failed: {data.message}"}]
        """;

    [Fact]
    public async Task RoutedEvent_Webhook_DeliveredOnceSignedWithTheEvent()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var host = await StartAsync(receiver, routes: Routes);
        await using var agent = await TestAgent.ConnectAsync(host, "node-w", [AgentCommands.Session("ses_w")]);

        await agent.SendEventsAsync(Ev.Make(1, EventTypes.SessionError, "ses_w", """{"error_name":"APIError","message":"quota exceeded"}"""));
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Count >= 1), "the routed alert at the receiver", 15_000);

        var request = Assert.Single(receiver.Accepted);
        Assert.True(request.HasValidSignature(Secret));
        var body = request.Json;
        Assert.Equal("post", body.GetProperty("op").GetString());
        Assert.Equal("errors", body.GetProperty("alert").GetProperty("rule").GetString());
        Assert.Equal("ses_w failed: quota exceeded", body.GetProperty("alert").GetProperty("text").GetString());
        Assert.Equal("session.error", body.GetProperty("event").GetProperty("type").GetString());
        Assert.Equal("node-w", body.GetProperty("event").GetProperty("node_id").GetString());
        var alertId = body.GetProperty("alert_id").GetInt64();
        var row = await WaitForStateAsync(host, alertId, "post", "delivered");
        Assert.Equal(body.GetProperty("delivery_id").GetInt64(), row.GetProperty("id").GetInt64());
    }
}
