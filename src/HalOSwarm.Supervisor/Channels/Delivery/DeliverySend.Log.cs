namespace HalOSwarm.Supervisor.Channels.Delivery;

internal sealed partial class DeliverySend
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "channels.delivery_rate_limited",
        Message = "Delivery {delivery_id} to {target} was rate limited; the target waits {wait_ms} ms as asked")]
    private static partial void LogRateLimited(ILogger logger, long delivery_id, string target, long wait_ms);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "channels.delivery_retry",
        Message = "Delivery {delivery_id} to {target} failed (attempt {attempt}): {reason}; retrying with backoff")]
    private static partial void LogRetry(ILogger logger, long delivery_id, string target, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "channels.delivery_failed",
        Message = "Delivery {delivery_id} to {target} failed for good: {reason}")]
    private static partial void LogFailed(ILogger logger, long delivery_id, string target, string reason);
}
