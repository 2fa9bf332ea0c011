namespace HalOSwarm.Supervisor.Channels.Discord;

internal sealed partial class DiscordGateway
{
    [LoggerMessage(Level = LogLevel.Warning, EventName = "discord.gateway_failed", Message = "Discord Gateway connection failed: {reason}")]
    private static partial void LogConnectionFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, EventName = "discord.gateway_backoff", Message = "Discord Gateway: reconnecting in {delay_ms} ms (failure {attempt})")]
    private static partial void LogReconnecting(ILogger logger, long delay_ms, int attempt);
}
