namespace HalOSwarm.Supervisor.Policies;

internal sealed partial class PolicyEngine
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "policy.started", Message = "Policy engine running {policies} every {tick_seconds} s")]
    private static partial void LogStarted(ILogger logger, string policies, int tick_seconds);

    [LoggerMessage(Level = LogLevel.Error, EventName = "policy.tick_failed", Message = "A policy round failed; the next tick tries again")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, EventName = "policy.feed_failed", Message = "Following events for the policies failed; resuming")]
    private static partial void LogFeedFailed(ILogger logger, Exception exception);
}
