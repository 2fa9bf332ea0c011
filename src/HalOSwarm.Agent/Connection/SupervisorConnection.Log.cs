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

        [LoggerMessage(1004, LogLevel.Critical,
            "The supervisor at {SupervisorUrl} refused this node for good ({CloseCode}): {Reason}. Not dialling again; sessions keep running and their events wait in the outbox. Fix the cause and restart hal-agent.")]
        public static partial void RefusedForGood(ILogger logger, string supervisorUrl, int closeCode, string reason);

        [LoggerMessage(1003, LogLevel.Information, "Welcomed as node {NodeId}: durable_seq {DurableSeq}, outbox {OutboxFirstSeq}..{OutboxLastSeq}")]
        public static partial void Welcomed(ILogger logger, string nodeId, long durableSeq, long outboxFirstSeq, long outboxLastSeq);
    }
}
