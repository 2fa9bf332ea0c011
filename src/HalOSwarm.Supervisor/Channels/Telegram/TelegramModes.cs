namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>How updates reach the supervisor: it asks for them (<c>getUpdates</c>) or Telegram posts them to its webhook.</summary>
internal static class TelegramModes
{
    public const string Polling = "polling";
    public const string Webhook = "webhook";
}
