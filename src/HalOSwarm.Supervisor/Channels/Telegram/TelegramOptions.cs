using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>The <c>channels.telegram</c> section.</summary>
internal sealed class TelegramOptions
{
    /// <summary>The bot's token (from BotFather); empty or a placeholder: Telegram is not configured.</summary>
    [ConfigurationKeyName("bot_token")]
    public string BotToken { get; set; } = "";

    /// <summary><c>polling</c> (getUpdates, works behind NAT) or <c>webhook</c>.</summary>
    [ConfigurationKeyName("mode")]
    public string Mode { get; set; } = "polling";

    /// <summary>The secret Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c> (<c>mode: webhook</c>).</summary>
    [ConfigurationKeyName("webhook_secret")]
    public string WebhookSecret { get; set; } = "";

    /// <summary>The public URL Telegram posts updates to (<c>mode: webhook</c>), registered with setWebhook at start.</summary>
    [ConfigurationKeyName("webhook_url")]
    public string WebhookUrl { get; set; } = "";

    /// <summary>Name → chat id (<c>telegram:ops</c>).</summary>
    [ConfigurationKeyName("chats")]
    public Dictionary<string, string> Chats { get; set; } = [];

    [ConfigurationKeyName("api_base_url")]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";
}
