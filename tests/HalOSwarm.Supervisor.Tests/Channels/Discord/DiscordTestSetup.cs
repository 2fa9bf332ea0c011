using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace HalOSwarm.Supervisor.Tests.Channels.Discord;

/// <summary>The composed supervisor configured for the fake Discord (<c>api_base_url</c> pointing at it), with chat stand-ins.</summary>
internal static class DiscordTestSetup
{
    public static Task<SupervisorHost> StartAsync(FakeDiscordServer discord, string mode = "gateway", bool threads = true, bool stubs = true,
        JsonArray? users = null) =>
        SupervisorHost.StartAsync(config => config["channels"] = new JsonObject
        {
            ["discord"] = new JsonObject
            {
                ["bot_token"] = FakeDiscordServer.BotToken,
                ["application_id"] = FakeDiscordServer.ApplicationId,
                ["guild_id"] = FakeDiscordServer.GuildId,
                ["public_key"] = discord.Signer.PublicKeyHex,
                ["mode"] = mode,
                ["threads"] = threads,
                ["channels"] = new JsonObject { ["alerts"] = FakeDiscordServer.AlertsChannelId },
                ["api_base_url"] = discord.ApiBaseUrl,
            },
            ["users"] = users ?? [],
        }, services: services =>
        {
            if (stubs)
            {
                services.AddSingleton<IChatCommands, StubChatCommands>();
                services.AddSingleton<IChatActions, StubChatActions>();
            }
        });
}
