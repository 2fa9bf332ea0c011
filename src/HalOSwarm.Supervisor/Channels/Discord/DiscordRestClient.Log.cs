namespace HalOSwarm.Supervisor.Channels.Discord;

internal sealed partial class DiscordRestClient
{
    [LoggerMessage(Level = LogLevel.Debug, EventName = "discord.rate_limited", Message = "Discord {route}: rate limited; waiting {delay_ms} ms")]
    private static partial void LogWaiting(ILogger logger, string route, long delay_ms);
}
