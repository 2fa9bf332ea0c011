namespace HalOSwarm.Supervisor.Channels.Discord;

internal sealed partial class DiscordSender
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "discord.threads_refused", Message = "Discord channel {channel_id}: no thread ({reason}); alerts stay in the channel")]
    private static partial void LogThreadsRefused(ILogger logger, string channel_id, string reason);

    [LoggerMessage(Level = LogLevel.Information, EventName = "discord.thread_gone", Message = "Discord alert {alert_id}: its session's thread refused it ({reason}); starting another")]
    private static partial void LogThreadGone(ILogger logger, long alert_id, string reason);
}
