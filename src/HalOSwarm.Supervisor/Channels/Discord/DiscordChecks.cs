using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// The checks of <c>channels.discord</c>, and its notes (credentials that are placeholders: not configured). Ids are
/// checked strictly only when the bot token is set: the seed's example (<c>your-guild-id</c>,
/// <c>channel-id-for-alerts</c>) must still start. No message ever repeats the token. The role map
/// (<c>channels.discord.roles</c>) is checked with the chat users (<c>ChatUserChecks</c>).
/// </summary>
internal static class DiscordChecks
{
    private const string Key = "channels.discord";

    public static void Check(DiscordOptions options, List<string> errors)
    {
        if (!string.IsNullOrEmpty(options.BotToken) && (options.BotToken.Length > 200 || options.BotToken.Any(char.IsWhiteSpace)))
        {
            errors.Add($"{Key}.bot_token: must be one word of at most 200 characters (the bot's token from the developer portal)");
        }
        if (!PlaceholderValues.IsSet(options.BotToken))
        {
            return;
        }
        CheckSnowflake($"{Key}.application_id", options.ApplicationId, errors);
        CheckSnowflake($"{Key}.guild_id", options.GuildId, errors);
        if (options.Mode is not (DiscordModes.Gateway or DiscordModes.Http))
        {
            errors.Add($"{Key}.mode: '{options.Mode}' is not a mode; use gateway or http");
        }
        if (options.Mode == DiscordModes.Http && !IsHex(options.PublicKey, 64))
        {
            errors.Add($"{Key}.public_key: mode http needs the application's public key (64 hex characters)");
        }
        foreach (var (name, id) in options.Channels)
        {
            if (!IsChannelName(name))
            {
                errors.Add($"{Key}.channels.{name}: a channel's name is 1-32 characters of a-z, 0-9, '_' and '-'");
            }
            CheckSnowflake($"{Key}.channels.{name}", id, errors);
        }
        CheckBaseUrl(options.ApiBaseUrl, errors);
    }

    public static void Notes(DiscordOptions options, List<string> notes)
    {
        if (PlaceholderValues.IsPlaceholder(options.BotToken))
        {
            notes.Add("channels.discord.bot_token: holds a placeholder, not a bot token; Discord is not configured (no alerts, no commands)");
        }
    }

    /// <summary>Discord's ids: 17-20 digits.</summary>
    public static bool IsSnowflake(string? value) =>
        value is { Length: >= 17 and <= 20 } && value.All(char.IsAsciiDigit);

    public static bool IsChannelName(string name) =>
        name.Length is >= 1 and <= 32 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');

    private static bool IsHex(string value, int length) => value.Length == length && value.All(char.IsAsciiHexDigit);

    private static void CheckSnowflake(string key, string value, List<string> errors)
    {
        if (!IsSnowflake(value))
        {
            errors.Add($"{key}: '{Shown(value)}' is not a Discord id (17-20 digits; Developer Mode → Copy ID)");
        }
    }

    private static void CheckBaseUrl(string value, List<string> errors)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add($"{Key}.api_base_url: must be an http(s) URL (https://discord.com/api/v10)");
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            errors.Add($"{Key}.api_base_url: must not carry credentials, a query or a fragment");
        }
    }

    /// <summary>Config values are echoed cut short, so a pasted secret in the wrong key is not printed whole.</summary>
    private static string Shown(string value) => value.Length <= 24 ? value : value[..20] + "…";
}
