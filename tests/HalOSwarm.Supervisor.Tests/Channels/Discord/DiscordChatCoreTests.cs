using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Discord;

namespace HalOSwarm.Supervisor.Tests.Channels.Discord;

/// <summary>Slash commands over the fake Gateway through the real chat core (no stand-ins): replies, roles, audit.</summary>
public sealed class DiscordChatCoreTests
{
    [Fact]
    public async Task SlashCommand_ViewersKill_RefusedAfterDeferralAndAudited()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var users = new JsonArray(new JsonObject { ["name"] = "vera", ["role"] = "viewer", ["discord"] = FakeDiscordInteractions.AliceId });
        await using var host = await DiscordTestSetup.StartAsync(discord, stubs: false, users: users);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.Ready), "READY");

        var kill = FakeDiscordInteractions.SlashCommand("kill", new Dictionary<string, object> { ["session"] = "ses_1" });
        await discord.Gateway.SendInteractionAsync(kill);

        var callback = await DiscordGatewayTests.WaitForCallbackAsync(discord, kill);
        Assert.Equal(5, callback.GetProperty("type").GetInt32());
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.RequestsTo(FakeDiscordRoutes.EditOriginal).Count == 1), "the refusal");
        var refusal = JsonDocument.Parse(discord.RequestsTo(FakeDiscordRoutes.EditOriginal)[0].Body).RootElement.GetProperty("content").GetString();
        Assert.Contains("operator", refusal, StringComparison.Ordinal);
        var audit = await host.GetDataAsync("/api/v1/audit");
        var entry = Assert.Single(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "chat.kill");
        Assert.Equal($"chat:discord:{FakeDiscordInteractions.AliceId}", entry.GetProperty("actor").GetString());
        Assert.Equal("forbidden", entry.GetProperty("result").GetString());
    }

    [Fact]
    public async Task SlashCommand_StatusFromAViewer_Answered()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var users = new JsonArray(new JsonObject { ["name"] = "vera", ["role"] = "viewer", ["discord"] = FakeDiscordInteractions.AliceId });
        await using var host = await DiscordTestSetup.StartAsync(discord, stubs: false, users: users);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(discord.Gateway.Ready), "READY");
        var registered = JsonDocument.Parse(Assert.Single(discord.RequestsTo(FakeDiscordRoutes.PutGuildCommands)).Body).RootElement;

        var status = FakeDiscordInteractions.SlashCommand("status");
        await discord.Gateway.SendInteractionAsync(status);
        var stranger = FakeDiscordInteractions.SlashCommand("status", userId: "1300000000000000077");
        await discord.Gateway.SendInteractionAsync(stranger);

        var answer = (await DiscordGatewayTests.WaitForCallbackAsync(discord, status)).GetProperty("data");
        var refused = (await DiscordGatewayTests.WaitForCallbackAsync(discord, stranger)).GetProperty("data");
        Assert.Equal(12, registered.GetArrayLength());
        Assert.Contains("Nodes online: 0 of 0", answer.ToString(), StringComparison.Ordinal);
        Assert.Equal(64, refused.GetProperty("flags").GetInt32());
        Assert.DoesNotContain("Nodes online", refused.ToString(), StringComparison.Ordinal);
    }
}
