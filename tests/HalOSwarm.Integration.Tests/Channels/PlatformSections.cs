using System.Globalization;
using System.Text.Json.Nodes;
using HalOSwarm.Testing.FakeChat.Discord;
using HalOSwarm.Testing.FakeChat.Slack;
using HalOSwarm.Testing.FakeChat.Telegram;

namespace HalOSwarm.Integration.Tests.Channels;

/// <summary>
/// Each platform's <c>channels.*</c> section pointed at its fake, as every channel test configures it: one alerts target
/// each (Discord <c>alerts</c>, Slack <c>#ops</c>, Telegram <c>ops</c>).
/// </summary>
internal static class PlatformSections
{
    public const string SlackOps = "C0OPS00001";
    public const long TelegramOps = -1001234567890;

    /// <summary>Gateway mode, no threads.</summary>
    public static JsonObject Discord(FakeDiscordServer discord) => new()
    {
        ["bot_token"] = FakeDiscordServer.BotToken,
        ["application_id"] = FakeDiscordServer.ApplicationId,
        ["guild_id"] = FakeDiscordServer.GuildId,
        ["channels"] = new JsonObject { ["alerts"] = FakeDiscordServer.AlertsChannelId },
        ["threads"] = false,
        ["api_base_url"] = discord.ApiBaseUrl,
    };

    /// <summary>Socket Mode (the default, said here).</summary>
    public static JsonObject Slack(FakeSlack slack) => new()
    {
        ["bot_token"] = slack.BotToken,
        ["app_token"] = slack.AppToken,
        ["mode"] = "socket",
        ["api_base_url"] = slack.ApiBaseUrl,
        ["channels"] = new JsonObject { ["ops"] = SlackOps },
    };

    /// <summary>Long polling.</summary>
    public static JsonObject Telegram(FakeTelegram telegram) => new()
    {
        ["bot_token"] = FakeTelegram.DefaultToken,
        ["api_base_url"] = telegram.ApiBaseUrl,
        ["chats"] = new JsonObject { ["ops"] = TelegramOps.ToString(CultureInfo.InvariantCulture) },
    };
}
