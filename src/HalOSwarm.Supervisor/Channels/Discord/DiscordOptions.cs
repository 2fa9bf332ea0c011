using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>The <c>channels.discord</c> section (the seed's keys: <c>bot_token</c>, <c>guild_id</c>, <c>channels</c>).</summary>
internal sealed class DiscordOptions
{
    /// <summary>The bot's token; empty or the seed's placeholder: Discord is not configured.</summary>
    [ConfigurationKeyName("bot_token")]
    public string BotToken { get; set; } = "";

    /// <summary>The application's id (slash commands are registered under it).</summary>
    [ConfigurationKeyName("application_id")]
    public string ApplicationId { get; set; } = "";

    /// <summary>The application's Ed25519 public key (hex), required for <c>mode: http</c>.</summary>
    [ConfigurationKeyName("public_key")]
    public string PublicKey { get; set; } = "";

    /// <summary>The guild whose slash commands are registered at start.</summary>
    [ConfigurationKeyName("guild_id")]
    public string GuildId { get; set; } = "";

    /// <summary><c>gateway</c> (outbound WebSocket, works behind NAT) or <c>http</c> (the interactions endpoint).</summary>
    [ConfigurationKeyName("mode")]
    public string Mode { get; set; } = "gateway";

    /// <summary>Name → channel id (<c>discord:alerts</c> in a route names <c>alerts</c>).</summary>
    [ConfigurationKeyName("channels")]
    public Dictionary<string, string> Channels { get; set; } = [];

    /// <summary>Discord role id → supervisor role (viewer, operator, admin), for members holding that role.</summary>
    [ConfigurationKeyName("roles")]
    public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>One thread per session for its alerts, where the channel allows.</summary>
    [ConfigurationKeyName("threads")]
    public bool Threads { get; set; } = true;

    [ConfigurationKeyName("api_base_url")]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";
}
