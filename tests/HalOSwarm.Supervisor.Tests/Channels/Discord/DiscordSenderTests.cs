using System.Text.Json;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace HalOSwarm.Supervisor.Tests.Channels.Discord;

/// <summary>The Discord sender against the fake: embeds with buttons, updates in place, one thread per session, 429s.</summary>
public sealed class DiscordSenderTests
{
    [Fact]
    public async Task Post_Alert_EmbedWithButtons()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord, threads: false);
        var sender = Sender(host);

        var messageRef = await sender.PostAsync("alerts", StubChatActions.Alert(7) with { OpenUrl = "https://hal.example.com/sessions/ses_abc1" }, CancellationToken.None);

        var post = Assert.Single(discord.RequestsTo(FakeDiscordRoutes.CreateMessage));
        Assert.Equal($"/channels/{FakeDiscordServer.AlertsChannelId}/messages", post.Path);
        Assert.Matches($"^{FakeDiscordServer.AlertsChannelId}/[0-9]{{19}}$", messageRef);
        var body = JsonDocument.Parse(post.Body).RootElement;
        var embed = body.GetProperty("embeds")[0];
        Assert.Equal("ses_abc1 asks to run a command", embed.GetProperty("title").GetString());
        Assert.Equal("bash: rm -rf build/\\*", embed.GetProperty("description").GetString());
        Assert.Equal(0xF1C40F, embed.GetProperty("color").GetInt32());
        Assert.Equal("Command", embed.GetProperty("fields")[1].GetProperty("name").GetString());
        var buttons = body.GetProperty("components")[0].GetProperty("components");
        Assert.Equal(["hal:approve:7", "hal:deny:7"], buttons.EnumerateArray().Take(2).Select(b => b.GetProperty("custom_id").GetString()));
        Assert.Equal([1, 4, 5], buttons.EnumerateArray().Select(b => b.GetProperty("style").GetInt32()));
        Assert.Equal("https://hal.example.com/sessions/ses_abc1", buttons[2].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Update_AnsweredAlert_EditsTheMessageWithoutButtons()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord, threads: false);
        var sender = Sender(host);
        var messageRef = await sender.PostAsync("alerts", StubChatActions.Alert(8), CancellationToken.None);
        var answer = new AlertAnswer(AlertActions.Deny, "api:admin", "bob", "slack", DateTimeOffset.UtcNow, "denied");

        await sender.UpdateAsync("alerts", messageRef!, StubChatActions.Alert(8, answer), CancellationToken.None);

        var edit = Assert.Single(discord.RequestsTo(FakeDiscordRoutes.EditMessage));
        Assert.Equal("/channels/" + messageRef!.Replace("/", "/messages/", StringComparison.Ordinal), edit.Path);
        var body = JsonDocument.Parse(edit.Body).RootElement;
        Assert.Equal(0, body.GetProperty("components").GetArrayLength());
        Assert.Contains("Denied by bob (Slack)", body.GetProperty("embeds")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TwoAlertsOfOneSession_SecondGoesIntoTheThreadTheFirstStarted()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord);
        var sender = Sender(host);

        var first = await sender.PostAsync("alerts", StubChatActions.Alert(9), CancellationToken.None);
        var second = await sender.PostAsync("alerts", StubChatActions.Alert(10), CancellationToken.None);

        var thread = Assert.Single(discord.RequestsTo(FakeDiscordRoutes.StartThread));
        var threadId = first!.Split('/')[1];
        Assert.Equal($"/channels/{FakeDiscordServer.AlertsChannelId}/messages/{threadId}/threads", thread.Path);
        Assert.Equal("web · ses_abc1", JsonDocument.Parse(thread.Body).RootElement.GetProperty("name").GetString());
        Assert.StartsWith(threadId + "/", second, StringComparison.Ordinal);
        Assert.Equal($"/channels/{threadId}/messages", discord.RequestsTo(FakeDiscordRoutes.CreateMessage)[1].Path);
    }

    [Fact]
    public async Task Post_ChannelRefusesThreads_AlertsStayInTheChannel()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        discord.RefuseThreads(FakeDiscordServer.AlertsChannelId);
        await using var host = await DiscordTestSetup.StartAsync(discord);
        var sender = Sender(host);

        await sender.PostAsync("alerts", StubChatActions.Alert(11), CancellationToken.None);
        var second = await sender.PostAsync("alerts", StubChatActions.Alert(12), CancellationToken.None);

        Assert.Equal(403, Assert.Single(discord.RequestsTo(FakeDiscordRoutes.StartThread)).Status);
        Assert.StartsWith(FakeDiscordServer.AlertsChannelId + "/", second, StringComparison.Ordinal);
        Assert.All(discord.RequestsTo(FakeDiscordRoutes.CreateMessage), r => Assert.Equal($"/channels/{FakeDiscordServer.AlertsChannelId}/messages", r.Path));
    }

    [Fact]
    public async Task Post_RateLimited_ThrowsWithDiscordsRetryAfter()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord, threads: false);
        var sender = Sender(host);
        discord.RateLimitNext(FakeDiscordRoutes.CreateMessage, 1, 0.75);

        var refused = await Assert.ThrowsAsync<ChannelDeliveryException>(() => sender.PostAsync("alerts", StubChatActions.Alert(13), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(0.75), refused.RetryAfter);
        Assert.False(refused.Permanent);
        Assert.DoesNotContain(FakeDiscordServer.BotToken, refused.Message, StringComparison.Ordinal);
        Assert.Equal(429, Assert.Single(discord.RequestsTo(FakeDiscordRoutes.CreateMessage)).Status);
    }

    [Fact]
    public async Task Knows_ConfiguredChannelOnly()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord);

        Assert.True(Sender(host).Knows("alerts"));
        Assert.False(Sender(host).Knows("dev-log"));
        Assert.Equal(TimeSpan.Zero, Sender(host).MinInterval);
    }

    private static IChannelSender Sender(SupervisorHost host) =>
        host.App.Services.GetServices<IChannelSender>().Single(s => s.Kind == "discord");
}
