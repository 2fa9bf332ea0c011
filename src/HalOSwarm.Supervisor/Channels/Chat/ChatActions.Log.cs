namespace HalOSwarm.Supervisor.Channels.Chat;

internal sealed partial class ChatActions
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "chat.button_forbidden",
        Message = "Refused button {action} on alert {alert_id} of {actor}")]
    private static partial void LogForbidden(ILogger logger, string actor, string action, long alert_id);

    [LoggerMessage(Level = LogLevel.Information, EventName = "chat.button",
        Message = "Button {action} on alert {alert_id} by {actor}: {outcome}")]
    private static partial void LogActed(ILogger logger, string actor, string action, long alert_id, string outcome);

    [LoggerMessage(Level = LogLevel.Error, EventName = "chat.button_failed",
        Message = "Button {action} on alert {alert_id} by {actor} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string actor, string action, long alert_id);
}
