namespace HalOSwarm.Supervisor.Channels.Discord;

internal sealed partial class DiscordGatewayConnection
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "discord.gateway_ready", Message = "Discord Gateway: ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, EventName = "discord.gateway_resumed", Message = "Discord Gateway: resumed at sequence {sequence}")]
    private static partial void LogResumed(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Information, EventName = "discord.gateway_reconnect", Message = "Discord Gateway: asked to reconnect")]
    private static partial void LogReconnectAsked(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, EventName = "discord.gateway_invalid_session", Message = "Discord Gateway: invalid session (resumable {resumable})")]
    private static partial void LogInvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(Level = LogLevel.Information, EventName = "discord.gateway_closed", Message = "Discord Gateway: socket closed with code {close_code}")]
    private static partial void LogClosed(ILogger logger, int close_code);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "discord.gateway_zombie", Message = "Discord Gateway: no heartbeat ack; reconnecting")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "discord.gateway_malformed", Message = "Discord Gateway: an interaction without id, token or user; ignored")]
    private static partial void LogMalformed(ILogger logger);
}
