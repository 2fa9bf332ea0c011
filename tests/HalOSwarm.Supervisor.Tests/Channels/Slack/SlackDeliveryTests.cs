using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Slack;
using static HalOSwarm.Supervisor.Tests.Channels.Delivery.OutboxTestKit;

namespace HalOSwarm.Supervisor.Tests.Channels.Slack;

/// <summary>Alerts stored as the router stores them, delivered by the outbox through the Slack sender to the fake.</summary>
public sealed class SlackDeliveryTests
{
    [Fact]
    public async Task RateLimited_PostMessage_WaitedOutAndPostedOnce()
    {
        await using var fake = await FakeSlack.StartAsync();
        fake.RateLimitNext("chat.postMessage", 1);
        await using var host = await SupervisorHost.StartAsync(SlackConfig.Section(fake, "http"));

        var alertId = await StoreAsync(host, NewAlert("Session s-1 needs input"), "slack:ops");
        var row = await WaitForStateAsync(host, alertId, "post", "delivered");

        var posts = fake.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal([429, 200], posts.Select(p => p.Status));
        Assert.Null(posts[1].Error);
        Assert.Equal(SlackConfig.OpsChannel, posts[1].Body["channel"]!.GetValue<string>());
        Assert.Equal(1, row.GetProperty("attempts").GetInt32());
        // A later alert delivered is the marker that the first is not posted again.
        await WaitForStateAsync(host, await StoreAsync(host, NewAlert("marker"), "slack:ops"), "post", "delivered");
        Assert.Equal(2, fake.Calls.Count(c => c.Method == "chat.postMessage" && c.Status == 200 && c.Error is null));
    }

    [Fact]
    public async Task ChannelNotFound_DeliveryFailsAtOnceWithSlacksError()
    {
        await using var fake = await FakeSlack.StartAsync();
        fake.MissingChannels.Add("C0GONE0001");
        await using var host = await SupervisorHost.StartAsync(SlackConfig.Section(fake, "http"));

        var alertId = await StoreAsync(host, NewAlert("to a deleted channel"), "slack:gone");
        var row = await WaitForStateAsync(host, alertId, "post", "failed");

        Assert.Contains("channel_not_found", row.ToString(), StringComparison.Ordinal);
        Assert.Single(fake.Calls, c => c.Method == "chat.postMessage");
    }
}
