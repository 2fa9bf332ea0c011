namespace HalOSwarm.Supervisor.ClientApi;

internal sealed partial class ClientConnection
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "client_ws.opened", Message = "Client WebSocket opened by {actor} from {remote}")]
    private static partial void LogOpened(ILogger logger, string actor, string? remote);

    [LoggerMessage(Level = LogLevel.Information, EventName = "client_ws.closed", Message = "Client WebSocket of {actor} closed with {close_code}: {reason}")]
    private static partial void LogClosed(ILogger logger, string actor, int close_code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "auth.forbidden",
        Message = "Forbade a command on the client WebSocket to {actor}: its role does not allow it")]
    private static partial void LogForbidden(ILogger logger, string actor);

    [LoggerMessage(Level = LogLevel.Error, EventName = "client_ws.message_failed", Message = "A message of {actor} on the client WebSocket failed")]
    private static partial void LogMessageFailed(ILogger logger, string actor, Exception exception);
}
