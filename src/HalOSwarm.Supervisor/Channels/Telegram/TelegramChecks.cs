using System.Globalization;
using System.Text.RegularExpressions;
using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// The checks of <c>channels.telegram</c>, and its notes (credentials that are placeholders: not configured). Ids and
/// URLs are checked only once <c>bot_token</c> is set; no message ever quotes the token or the webhook secret.
/// </summary>
internal static partial class TelegramChecks
{
    public const string Prefix = "channels.telegram.";

    /// <summary>The bot token as BotFather issues it: the bot's numeric id, a colon and about 35 URL-safe characters.</summary>
    [GeneratedRegex("^[0-9]{3,20}:[A-Za-z0-9_-]{30,80}$")]
    private static partial Regex TokenForm();

    /// <summary>What Telegram allows in <c>secret_token</c>: 1-256 of A-Z, a-z, 0-9, _ and -.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretForm();

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex ChatName();

    public static bool IsConfigured(TelegramOptions options) => PlaceholderValues.IsSet(options.BotToken);

    public static void Check(TelegramOptions options, List<string> errors)
    {
        if (!IsConfigured(options))
        {
            return;
        }
        if (!TokenForm().IsMatch(options.BotToken))
        {
            errors.Add(Prefix + "bot_token: not a bot token (BotFather's form is DIGITS:SECRET, the secret 30-80 of A-Z a-z 0-9 _ -); the value is not shown");
        }
        if (options.Mode is not (TelegramModes.Polling or TelegramModes.Webhook))
        {
            errors.Add(Prefix + $"mode: '{options.Mode}' is not polling or webhook");
        }
        if (options.Mode == TelegramModes.Webhook)
        {
            if (!SecretForm().IsMatch(options.WebhookSecret))
            {
                errors.Add(Prefix + "webhook_secret: mode webhook needs a secret of 1-256 characters, each A-Z a-z 0-9 _ or -; the value is not shown");
            }
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(hook.UserInfo))
            {
                errors.Add(Prefix + $"webhook_url: mode webhook needs the https URL Telegram posts to (https://hal.example.com{TelegramWebhook.Path}), not '{options.WebhookUrl}'");
            }
        }
        foreach (var (name, id) in options.Chats)
        {
            if (!ChatName().IsMatch(name))
            {
                errors.Add(Prefix + $"chats.{name}: a chat name is 1-32 of a-z 0-9 _ - (telegram:NAME in a route)");
            }
            if (!TryParseChatId(id, out _))
            {
                errors.Add(Prefix + $"chats.{name}: '{id}' is not a chat id (an integer, negative for groups and channels: -1001234567890)");
            }
        }
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(api.UserInfo))
        {
            errors.Add(Prefix + $"api_base_url: '{options.ApiBaseUrl}' is not an http(s) URL");
        }
    }

    public static void Notes(TelegramOptions options, List<string> notes)
    {
        if (PlaceholderValues.IsPlaceholder(options.BotToken))
        {
            notes.Add("channels.telegram.bot_token: holds a placeholder, not a bot token; Telegram is not configured (no alerts, no commands)");
        }
    }

    public static bool TryParseChatId(string? value, out long chatId) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId) && chatId != 0;
}
