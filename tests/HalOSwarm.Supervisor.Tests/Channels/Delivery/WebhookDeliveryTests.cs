using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeChat.Webhook;
using HalOSwarm.Testing.Metrics;
using static HalOSwarm.Supervisor.Tests.Channels.Delivery.OutboxTestKit;

namespace HalOSwarm.Supervisor.Tests.Channels.Delivery;

/// <summary>The outbox delivering alerts to a webhook receiver: once, signed, through 429s, 5xx, refusals and a restart.</summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task StoredAlert_Webhook_DeliveredOnceSigned()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var host = await StartAsync(receiver);

        var alertId = await StoreAsync(host, NewAlert("Session s-1 needs input"), Target);
        var row = await WaitForStateAsync(host, alertId, "post", "delivered");
        // A later alert delivered is the marker that the first one is not sent again.
        var later = await StoreAsync(host, NewAlert("marker"), Target);
        await WaitForStateAsync(host, later, "post", "delivered");

        var deliveryId = row.GetProperty("id").GetInt64();
        var request = Assert.Single(For(receiver, deliveryId));
        Assert.True(request.HasValidSignature(Secret), request.Header("X-Hal-Signature"));
        Assert.False(request.HasValidSignature("another-secret-0123456789"));
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        var body = request.Json;
        Assert.Equal(deliveryId, body.GetProperty("delivery_id").GetInt64());
        Assert.Equal(alertId, body.GetProperty("alert_id").GetInt64());
        Assert.Equal("post", body.GetProperty("op").GetString());
        Assert.Equal("Session s-1 needs input", body.GetProperty("alert").GetProperty("title").GetString());
        Assert.Equal("session.needs_input", body.GetProperty("event").GetProperty("type").GetString());
        Assert.Equal(11, body.GetProperty("event").GetProperty("id").GetInt64());
        Assert.Equal("s-1", body.GetProperty("event").GetProperty("session_id").GetString());
        Assert.DoesNotContain(Secret, request.BodyText, StringComparison.Ordinal);
        Assert.Equal(1, row.GetProperty("attempts").GetInt32());
        Assert.Equal("needs-input", row.GetProperty("rule").GetString());
        Assert.Equal("Session s-1 needs input", row.GetProperty("title").GetString());
    }

    [Fact]
    public async Task RateLimited_TwiceWithRetryAfter_WaitedOutAndDeliveredOnce()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        receiver.FailNext(new FakeWebhookFailure(429, 1), new FakeWebhookFailure(429, 1));
        await using var host = await StartAsync(receiver, maxAttempts: 2);

        var alertId = await StoreAsync(host, NewAlert("rate limited"), Target);
        var row = await WaitForStateAsync(host, alertId, "post", "delivered");

        var requests = For(receiver, row.GetProperty("id").GetInt64());
        Assert.Equal([429, 429, 200], requests.Select(r => r.Status));
        // Each retry came after the second the receiver asked for (a little slack for the clocks' granularity).
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"{requests[1].At - requests[0].At}");
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromMilliseconds(950), $"{requests[2].At - requests[1].At}");
        // The waits were not attempts: with max_attempts 2 it would have failed otherwise.
        Assert.Equal(1, row.GetProperty("attempts").GetInt32());
        Assert.Single(receiver.Accepted);
    }

    [Fact]
    public async Task ServerError_Twice_RetriedWithBackoffThenDelivered()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        receiver.FailNext(new FakeWebhookFailure(500), new FakeWebhookFailure(503));
        await using var host = await StartAsync(receiver);

        var alertId = await StoreAsync(host, NewAlert("flaky receiver"), Target);
        var row = await WaitForStateAsync(host, alertId, "post", "delivered");

        var requests = For(receiver, row.GetProperty("id").GetInt64());
        Assert.Equal([500, 503, 200], requests.Select(r => r.Status));
        Assert.Equal(3, row.GetProperty("attempts").GetInt32());
        Assert.Contains("503", row.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.All(requests, r => Assert.True(r.HasValidSignature(Secret)));
        var series = PrometheusText.Parse(await host.Api.GetStringAsync("/metrics"));
        Assert.Equal(2, series["hal_o_swarm_channel_deliveries_total{kind=webhook,op=post,outcome=retried}"]);
        Assert.Equal(1, series["hal_o_swarm_channel_deliveries_total{kind=webhook,op=post,outcome=delivered}"]);
        Assert.Equal(0, series["hal_o_swarm_channel_deliveries_pending{kind=webhook}"]);
    }

    [Fact]
    public async Task Refused_400_FailedAtOnceWithReasonInApi()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        receiver.FailNext(new FakeWebhookFailure(400));
        await using var host = await StartAsync(receiver);

        var alertId = await StoreAsync(host, NewAlert("refused"), Target);
        var row = await WaitForStateAsync(host, alertId, "post", "failed");
        var later = await StoreAsync(host, NewAlert("marker"), Target);
        await WaitForStateAsync(host, later, "post", "delivered");

        var reason = row.GetProperty("last_error").GetString()!;
        Assert.Contains("400", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(receiver.Url.AbsolutePath, reason, StringComparison.Ordinal);
        Assert.Equal(1, row.GetProperty("attempts").GetInt32());
        Assert.Single(For(receiver, row.GetProperty("id").GetInt64()));
        var failed = await host.GetDataAsync($"/api/v1/channels/deliveries?state=failed&target={Uri.EscapeDataString(Target)}");
        Assert.Equal(alertId, Assert.Single(failed.EnumerateArray()).GetProperty("alert_id").GetInt64());
    }

    [Fact]
    public async Task ReceiverDown_UntilAttemptsRunOut_FailedWithReason()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await receiver.GoDownAsync();
        await using var host = await StartAsync(receiver, maxAttempts: 2);

        var alertId = await StoreAsync(host, NewAlert("nobody listens"), Target);
        var row = await WaitForStateAsync(host, alertId, "post", "failed");

        Assert.Equal(2, row.GetProperty("attempts").GetInt32());
        Assert.StartsWith("gave up after 2 attempts: could not reach the receiver", row.GetProperty("last_error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownWebhook_Target_FailedWithClearReason()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var host = await StartAsync(receiver);

        var alertId = await StoreAsync(host, NewAlert("nowhere"), "webhook:nope", "pager:ops");

        await SupervisorHost.WaitUntilAsync(async () => (await DeliveriesAsync(host, alertId)).All(d => d.GetProperty("state").GetString() == "failed"),
            "both deliveries to fail");
        var reasons = (await DeliveriesAsync(host, alertId)).ToDictionary(d => d.GetProperty("target").GetString()!, d => d.GetProperty("last_error").GetString());
        Assert.Equal("webhook is not configured, or has no target 'nope'", reasons["webhook:nope"]);
        Assert.StartsWith("no sender for 'pager' targets", reasons["pager:ops"], StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task ReceiverDown_AcrossSupervisorRestart_DeliveredOnceAfterRestart()
    {
        using var temp = new TempDirectory("hal-outbox");
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await receiver.GoDownAsync();
        long alertId;
        long deliveryId;
        await using (var first = await StartAsync(receiver, temp))
        {
            alertId = await StoreAsync(first, NewAlert("pending across a restart"), Target);
            await SupervisorHost.WaitUntilAsync(async () => (await DeliveriesAsync(first, alertId)).Single().GetProperty("attempts").GetInt32() >= 1,
                "a first failed attempt");
            var pending = (await DeliveriesAsync(first, alertId)).Single();
            Assert.Equal("pending", pending.GetProperty("state").GetString());
            deliveryId = pending.GetProperty("id").GetInt64();
        }
        await receiver.ComeBackAsync();
        await using var second = await StartAsync(receiver, temp);

        await WaitForStateAsync(second, alertId, "post", "delivered");
        var later = await StoreAsync(second, NewAlert("marker"), Target);
        await WaitForStateAsync(second, later, "post", "delivered");

        var request = Assert.Single(For(receiver, deliveryId));
        Assert.True(request.HasValidSignature(Secret));
        Assert.Equal(2, receiver.Accepted.Count);
    }
}
