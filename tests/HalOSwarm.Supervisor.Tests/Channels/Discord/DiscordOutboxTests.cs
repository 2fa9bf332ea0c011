using System.Text.Json;
using HalOSwarm.Supervisor.Tests.Channels.Delivery;
using HalOSwarm.Testing.FakeChat.Discord;

namespace HalOSwarm.Supervisor.Tests.Channels.Discord;

/// <summary>Alerts delivered to Discord by the outbox: a 429 is waited out and the message created once.</summary>
public sealed class DiscordOutboxTests
{
    [Fact]
    public async Task Outbox_RateLimitedCreate_WaitedOutAndPostedOnce()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        discord.RateLimitNext(FakeDiscordRoutes.CreateMessage, 2, 0.4);
        await using var host = await DiscordTestSetup.StartAsync(discord, threads: false);

        var alertId = await OutboxTestKit.StoreAsync(host, OutboxTestKit.NewAlert("ses s-1 asks to run bash"), "discord:alerts");

        var delivered = await OutboxTestKit.WaitForStateAsync(host, alertId, "post", "delivered");
        var posts = discord.RequestsTo(FakeDiscordRoutes.CreateMessage);
        Assert.Equal([429, 429, 200], posts.Select(p => p.Status));
        var created = JsonDocument.Parse(posts[2].Body).RootElement;
        Assert.Equal("ses s-1 asks to run bash", created.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal($"hal:approve:{alertId}", created.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString());
        Assert.Equal("discord:alerts", delivered.GetProperty("target").GetString());
        Assert.DoesNotContain(FakeDiscordServer.BotToken, delivered.GetProperty("last_error").GetString() ?? "", StringComparison.Ordinal);
    }
}
