using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Connection;

internal sealed partial class ConnectionSession
{
    private static partial class Log
    {
        [LoggerMessage(1101, LogLevel.Information, "Supervisor closed the connection: {close_status} {close_reason}")]
        public static partial void PeerClosed(ILogger logger, int? close_status, string? close_reason);

        [LoggerMessage(1102, LogLevel.Warning, "Ignoring a frame from the supervisor: {reason}")]
        public static partial void BadFrame(ILogger logger, string reason);

        [LoggerMessage(1103, LogLevel.Information, "Supervisor asked to replay from seq {from_seq}")]
        public static partial void ReplayRequested(ILogger logger, long from_seq);

        [LoggerMessage(1104, LogLevel.Debug, "Ignoring unexpected '{type}' frame")]
        public static partial void UnexpectedFrame(ILogger logger, string type);

        [LoggerMessage(1105, LogLevel.Warning, "Result of command {command_id} not sent: {reason}")]
        public static partial void CommandResultNotSent(ILogger logger, string command_id, string reason);

        [LoggerMessage(1106, LogLevel.Warning, "Supervisor silent for {silent_sec} s; dropping the connection")]
        public static partial void SupervisorSilent(ILogger logger, int silent_sec);
    }
}
