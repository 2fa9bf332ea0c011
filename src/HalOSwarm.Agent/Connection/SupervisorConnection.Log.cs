using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Connection;

internal sealed partial class SupervisorConnection
{
    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Warning, "Connection to {supervisor_url} ended: {reason}")]
        public static partial void ConnectionFailed(ILogger logger, string supervisor_url, string reason);

        [LoggerMessage(1002, LogLevel.Information, "Reconnecting in {delay_ms} ms")]
        public static partial void Reconnecting(ILogger logger, double delay_ms);

        [LoggerMessage(1004, LogLevel.Error,
            "Refused by {supervisor_url}: {refusal}. Dialling again slowly (next in {delay_ms} ms, then up to every 5 minutes) and not logging each attempt; sessions keep running and their events wait in the outbox.")]
        public static partial void Refused(ILogger logger, string supervisor_url, string refusal, double delay_ms);

        [LoggerMessage(1005, LogLevel.Debug, "Still refused by {supervisor_url} ({refusal_kind}); next attempt in {delay_ms} ms")]
        public static partial void StillRefused(ILogger logger, string supervisor_url, string refusal_kind, double delay_ms);

        [LoggerMessage(1006, LogLevel.Information, "Accepted by {supervisor_url} after being refused ({refusal_kind})")]
        public static partial void AcceptedAfterRefusal(ILogger logger, string supervisor_url, string refusal_kind);

        [LoggerMessage(1003, LogLevel.Information, "Welcomed as node {node_id}: durable_seq {durable_seq}, outbox {outbox_first_seq}..{outbox_last_seq}")]
        public static partial void Welcomed(ILogger logger, string node_id, long durable_seq, long outbox_first_seq, long outbox_last_seq);
    }
}
