namespace HalOSwarm.Supervisor.Channels.Routing;

internal sealed partial class ChannelRouter
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "channels.router_idle",
        Message = "No routing rule has a configured target; the router reads no events")]
    private static partial void LogNoRules(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, EventName = "channels.router_started",
        Message = "Routing events after {last_id} through {rule_count} rules")]
    private static partial void LogStarted(ILogger logger, int rule_count, long last_id);

    [LoggerMessage(Level = LogLevel.Information, EventName = "channels.alert_stored",
        Message = "Alert {alert_id} by rule {rule} for {type} (session {session_id}) queued to {target_count} targets")]
    private static partial void LogAlert(ILogger logger, long alert_id, string rule, string type, string? session_id, int target_count);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "channels.route_failed",
        Message = "Routing events {first_id}..{last_id} failed: {reason}")]
    private static partial void LogFailed(ILogger logger, long first_id, long last_id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "channels.feed_dropped",
        Message = "The router's event feed fell behind; re-reading from event {last_id}")]
    private static partial void LogResubscribing(ILogger logger, long last_id);
}
