using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Connection;

internal sealed partial class SupervisorConnection
{
    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Warning, "Connection to {SupervisorUrl} ended: {Reason}")]
        public static partial void ConnectionFailed(ILogger logger, string supervisorUrl, string reason);

        [LoggerMessage(1002, LogLevel.Information, "Reconnecting in {DelayMs} ms")]
        public static partial void Reconnecting(ILogger logger, double delayMs);

        [LoggerMessage(1004, LogLevel.Error,
            "Refused by {SupervisorUrl}: {Refusal}. Dialling again slowly (next in {DelayMs} ms, then up to every 5 minutes) and not logging each attempt; sessions keep running and their events wait in the outbox.")]
        public static partial void Refused(ILogger logger, string supervisorUrl, string refusal, double delayMs);

        [LoggerMessage(1005, LogLevel.Debug, "Still refused by {SupervisorUrl} ({RefusalKind}); next attempt in {DelayMs} ms")]
        public static partial void StillRefused(ILogger logger, string supervisorUrl, string refusalKind, double delayMs);

        [LoggerMessage(1006, LogLevel.Information, "Accepted by {SupervisorUrl} after being refused ({RefusalKind})")]
        public static partial void AcceptedAfterRefusal(ILogger logger, string supervisorUrl, string refusalKind);

        [LoggerMessage(1003, LogLevel.Information, "Welcomed as node {NodeId}: durable_seq {DurableSeq}, outbox {OutboxFirstSeq}..{OutboxLastSeq}")]
        public static partial void Welcomed(ILogger logger, string nodeId, long durableSeq, long outboxFirstSeq, long outboxLastSeq);
    }
}
