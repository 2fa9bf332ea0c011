namespace HalOSwarm.Supervisor.Channels.Slack;

internal sealed partial class SlackSocketMode
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "slack.socket_connected",
        Message = "Slack Socket Mode connected")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, EventName = "slack.socket_refresh",
        Message = "Slack asked for a new Socket Mode connection ({reason}); switching")]
    private static partial void LogRefresh(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "slack.socket_dropped",
        Message = "Slack Socket Mode connection lost or refused ({reason}); reconnecting with backoff")]
    private static partial void LogDropped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "slack.ack_failed",
        Message = "A Slack {envelope_type} envelope could not be acknowledged ({error_type})")]
    private static partial void LogAckFailed(ILogger logger, string envelope_type, string error_type);
}
