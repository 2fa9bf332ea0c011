using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace HalOSwarm.Supervisor.Tests.Channels.Discord;

/// <summary>The Gateway client against the fake Gateway: identify, heartbeat, resume after a drop or op 7, and the slash commands it receives.</summary>
public sealed class DiscordGatewayTests
{
    [Fact]
    public async Task Gateway_Start_IdentifiesHeartbeatsAndRegistersCommands()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        discord.Gateway.HeartbeatIntervalMs = 300;
        await using var host = await DiscordTestSetup.StartAsync(discord);

        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.FramesOf(1).Count >= 3), "three heartbeats");

        var identify = Assert.Single(discord.Gateway.FramesOf(2)).Data;
        Assert.Equal(FakeDiscordServer.BotToken, identify.GetProperty("token").GetString());
        Assert.Equal(0, identify.GetProperty("intents").GetInt32());
        Assert.Equal("connected", Status(host).State);
        var put = Assert.Single(discord.RequestsTo(FakeDiscordRoutes.PutGuildCommands));
        Assert.Equal($"/applications/{FakeDiscordServer.ApplicationId}/guilds/{FakeDiscordServer.GuildId}/commands", put.Path);
        Assert.Equal("Bot " + FakeDiscordServer.BotToken, put.Authorization);
        Assert.StartsWith("DiscordBot (", put.UserAgent, StringComparison.Ordinal);
        var commands = JsonDocument.Parse(put.Body).RootElement;
        Assert.Equal(["status", "logs", "cost"], commands.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var session = commands[1].GetProperty("options")[0];
        Assert.Equal(3, session.GetProperty("type").GetInt32());
        Assert.True(session.GetProperty("autocomplete").GetBoolean());
        Assert.Equal(4, commands[1].GetProperty("options")[1].GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task Gateway_SocketDropped_ResumesAndHandlesDispatchSentMeanwhile()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.Ready), "READY");
        var session = discord.Gateway.SessionId;
        var lastSeen = discord.Gateway.Sequence;

        discord.Gateway.DropSocket();
        var command = FakeDiscordInteractions.SlashCommand("status", new Dictionary<string, object> { ["project"] = "web" });
        var seq = await discord.Gateway.SendInteractionAsync(command);

        var callback = await WaitForCallbackAsync(discord, command);
        var resume = Assert.Single(discord.Gateway.FramesOf(6)).Data;
        Assert.Equal(session, resume.GetProperty("session_id").GetString());
        Assert.Equal(lastSeen, resume.GetProperty("seq").GetInt64());
        Assert.True(seq > lastSeen);
        Assert.Single(discord.Gateway.FramesOf(2));
        Assert.Equal(2, discord.Gateway.Connections);
        Assert.Contains("ran status \\[web\\]", callback.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_Op7Reconnect_ResumesTheSameSession()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.Ready), "READY");

        await discord.Gateway.SendReconnectAsync();

        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.FramesOf(6).Count == 1 && discord.Gateway.Ready), "a resume");
        Assert.Equal(discord.Gateway.SessionId, discord.Gateway.FramesOf(6)[0].Data.GetProperty("session_id").GetString());
        Assert.Single(discord.Gateway.FramesOf(2));
    }

    [Fact]
    public async Task Gateway_HeartbeatNeverAcked_ReconnectsAndResumes()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        discord.Gateway.HeartbeatIntervalMs = 300;
        await using var host = await DiscordTestSetup.StartAsync(discord);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.Ready), "READY");

        // A connection that stops acking heartbeats is a zombie: the client drops it and resumes on a new one.
        discord.Gateway.AckHeartbeats = false;
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.FramesOf(6).Count >= 1), "a resume on a new connection");
        discord.Gateway.AckHeartbeats = true;

        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.Ready), "READY again");
        Assert.True(discord.Gateway.Connections >= 2);
        Assert.Equal(discord.Gateway.SessionId, discord.Gateway.FramesOf(6)[0].Data.GetProperty("session_id").GetString());
        Assert.Single(discord.Gateway.FramesOf(2));
    }

    [Fact]
    public async Task Gateway_InvalidSessionNotResumable_IdentifiesAgain()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.Ready), "READY");

        await discord.Gateway.SendInvalidSessionAsync(resumable: false);

        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.FramesOf(2).Count == 2 && discord.Gateway.Ready), "a second identify");
        Assert.Empty(discord.Gateway.FramesOf(6));
        Assert.Equal("connected", Status(host).State);
    }

    [Fact]
    public async Task SlashCommand_WithOptionsAndRoles_RepliesEphemerallyThroughCallback()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.Ready), "READY");

        var command = FakeDiscordInteractions.SlashCommand("status", new Dictionary<string, object> { ["project"] = "web" }, roles: ["1500000000000000001"]);
        await discord.Gateway.SendInteractionAsync(command);

        var callback = await WaitForCallbackAsync(discord, command);
        Assert.Equal(4, callback.GetProperty("type").GetInt32());
        var data = callback.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Equal(
            $"ran status \\[web\\] for chat:discord:{FakeDiscordInteractions.AliceId} roles \\[1500000000000000001\\] in {FakeDiscordServer.AlertsChannelId}",
            data.GetProperty("content").GetString());
        Assert.Null(discord.RequestsTo(FakeDiscordRoutes.InteractionCallback)[0].Authorization);
    }

    [Fact]
    public async Task SlashCommand_Slow_IsDeferredThenEditsOriginal()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.Ready), "READY");

        var command = FakeDiscordInteractions.SlashCommand("cost", new Dictionary<string, object> { ["period"] = "week" });
        await discord.Gateway.SendInteractionAsync(command);

        var callback = await WaitForCallbackAsync(discord, command);
        Assert.Equal(5, callback.GetProperty("type").GetInt32());
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.RequestsTo(FakeDiscordRoutes.EditOriginal).Count == 1), "PATCH @original");
        var edit = discord.RequestsTo(FakeDiscordRoutes.EditOriginal)[0];
        Assert.Equal($"/webhooks/{FakeDiscordServer.ApplicationId}/{command["token"]}/messages/@original", edit.Path);
        var embed = JsonDocument.Parse(edit.Body).RootElement.GetProperty("embeds")[0];
        Assert.Equal("cost", embed.GetProperty("title").GetString());
        Assert.Contains("line 1\nline 2", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autocomplete_SessionOption_AnswersChoices()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.Ready), "READY");

        var typing = FakeDiscordInteractions.Autocomplete("logs", "session", "ses_a");
        await discord.Gateway.SendInteractionAsync(typing);

        var callback = await WaitForCallbackAsync(discord, typing);
        Assert.Equal(8, callback.GetProperty("type").GetInt32());
        Assert.Equal(["ses_abc1", "ses_abc2"],
            callback.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task ButtonClick_TwiceOnOneAlert_UpdatesInPlaceThenSaysItWasAnswered()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.Ready), "READY");

        var first = FakeDiscordInteractions.ButtonClick("hal:approve:7", "1600000000000000001");
        await discord.Gateway.SendInteractionAsync(first);
        var updated = await WaitForCallbackAsync(discord, first);
        var second = FakeDiscordInteractions.ButtonClick("hal:approve:7", "1600000000000000001", userId: "1300000000000000002");
        await discord.Gateway.SendInteractionAsync(second);
        var again = await WaitForCallbackAsync(discord, second);

        Assert.Equal(7, updated.GetProperty("type").GetInt32());
        var embed = updated.GetProperty("data").GetProperty("embeds")[0];
        Assert.Contains("Approved once by Alice (Discord)", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, updated.GetProperty("data").GetProperty("components").GetArrayLength());
        Assert.Equal(7, again.GetProperty("type").GetInt32());
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.RequestsTo(FakeDiscordRoutes.FollowUp).Count == 1), "the follow-up");
        var followUp = JsonDocument.Parse(discord.RequestsTo(FakeDiscordRoutes.FollowUp)[0].Body).RootElement;
        Assert.Equal("Already answered by Alice.", followUp.GetProperty("content").GetString());
        Assert.Equal(64, followUp.GetProperty("flags").GetInt32());
    }

    private static ChannelStatus Status(SupervisorHost host) =>
        host.App.Services.GetServices<IChannelStatusSource>().Select(s => s.Status).Single(s => s.Kind == "discord");

    /// <summary>The callback the supervisor posted for <paramref name="interaction"/> (its body).</summary>
    internal static async Task<JsonElement> WaitForCallbackAsync(FakeDiscordServer discord, JsonObject interaction)
    {
        var path = $"/interactions/{interaction["id"]}/{interaction["token"]}/callback";
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.RequestsTo(FakeDiscordRoutes.InteractionCallback).Any(r => r.Path == path)), "the interaction's callback");
        return JsonDocument.Parse(discord.RequestsTo(FakeDiscordRoutes.InteractionCallback).First(r => r.Path == path).Body).RootElement.Clone();
    }
}
