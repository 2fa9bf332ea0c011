namespace HalOSwarm.Supervisor.Channels.Delivery;

internal sealed partial class OutboxDispatcher
{
    [LoggerMessage(Level = LogLevel.Error, EventName = "channels.outbox_pass_failed",
        Message = "Loading the outbox's due deliveries failed ({error_type}); the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, string error_type);

    [LoggerMessage(Level = LogLevel.Error, EventName = "channels.outbox_lane_failed",
        Message = "The outbox lane of {target} stopped ({error_type}); its pending deliveries are sent by the next pass")]
    private static partial void LogLaneFailed(ILogger logger, string target, string error_type);
}
