using HalOSwarm.Testing.FakeChat.Webhook;
using static HalOSwarm.Supervisor.Tests.Channels.Delivery.OutboxTestKit;

namespace HalOSwarm.Supervisor.Tests.Channels.Delivery;

/// <summary><c>GET /api/v1/channels</c>, <c>/channels/deliveries</c> and <c>/channels/alerts/{id}</c>.</summary>
public sealed class ChannelsApiTests
{
    [Fact]
    public async Task Deliveries_Filters_ListMatchingNewestFirstWithCursor()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        receiver.FailNext(new FakeWebhookFailure(400));
        await using var host = await StartAsync(receiver);
        var failed = await StoreAsync(host, NewAlert("first"), Target);
        await WaitForStateAsync(host, failed, "post", "failed");
        var ok1 = await StoreAsync(host, NewAlert("second"), Target);
        var ok2 = await StoreAsync(host, NewAlert("third"), Target);
        var elsewhere = await StoreAsync(host, NewAlert("fourth"), "webhook:other");
        await WaitForStateAsync(host, ok2, "post", "delivered");
        await WaitForStateAsync(host, elsewhere, "post", "failed");
        await WaitForStateAsync(host, ok1, "post", "delivered");

        var delivered = await host.GetDataAsync("/api/v1/channels/deliveries?state=delivered");
        Assert.Equal([ok2, ok1], delivered.EnumerateArray().Select(d => d.GetProperty("alert_id").GetInt64()));
        var ofTarget = await host.GetDataAsync("/api/v1/channels/deliveries?target=webhook:other");
        Assert.Equal(elsewhere, Assert.Single(ofTarget.EnumerateArray()).GetProperty("alert_id").GetInt64());
        var (status, page) = await host.GetAsync("/api/v1/channels/deliveries?target=webhook%3An8n&limit=2");
        Assert.Equal(200, status);
        Assert.Equal([ok2, ok1], page.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("alert_id").GetInt64()));
        var cursor = page.GetProperty("meta").GetProperty("next_cursor").GetString();
        var rest = await host.GetDataAsync($"/api/v1/channels/deliveries?target=webhook%3An8n&limit=2&cursor={cursor}");
        Assert.Equal(failed, Assert.Single(rest.EnumerateArray()).GetProperty("alert_id").GetInt64());
    }

    [Fact]
    public async Task Deliveries_BadParameters_400NamingEach()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var host = await StartAsync(receiver);

        var (status, body) = await host.GetAsync("/api/v1/channels/deliveries?state=lost&limit=0&alert_id=x&cursor=%21");

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
        var fields = body.GetProperty("details").GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "state", "limit", "alert_id", "cursor" }, fields);
    }

    [Fact]
    public async Task Alert_UnknownOrMalformedId_404Or400()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var host = await StartAsync(receiver);

        Assert.Equal(404, (await host.GetAsync("/api/v1/channels/alerts/12345")).Status);
        Assert.Equal(400, (await host.GetAsync("/api/v1/channels/alerts/abc")).Status);
    }

    [Fact]
    public async Task Overview_PlatformsAndTargets_ShowStatesAndCountsWithoutSecrets()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var host = await StartAsync(receiver);
        var alertId = await StoreAsync(host, NewAlert("counted"), Target);
        await WaitForStateAsync(host, alertId, "post", "delivered");

        var (_, body) = await host.GetAsync("/api/v1/channels");

        var data = body.GetProperty("data");
        var platforms = data.GetProperty("platforms").EnumerateArray().ToDictionary(p => p.GetProperty("kind").GetString()!, p => p.GetProperty("state").GetString());
        Assert.Equal("connected", platforms["webhook"]);
        Assert.Equal("not_configured", platforms["discord"]);
        Assert.Equal(4, platforms.Count);
        var target = Assert.Single(data.GetProperty("targets").EnumerateArray());
        Assert.Equal(Target, target.GetProperty("target").GetString());
        Assert.Equal(1, target.GetProperty("delivered").GetInt64());
        Assert.Equal(0, target.GetProperty("pending").GetInt64());
        Assert.DoesNotContain(Secret, body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(receiver.Url.AbsolutePath, body.GetRawText(), StringComparison.Ordinal);
    }
}
