using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Connection;

internal sealed partial class ConnectionSession
{
    private static partial class Log
    {
        [LoggerMessage(1101, LogLevel.Information, "Supervisor closed the connection: {CloseStatus} {CloseReason}")]
        public static partial void PeerClosed(ILogger logger, int? closeStatus, string? closeReason);

        [LoggerMessage(1102, LogLevel.Warning, "Ignoring a frame from the supervisor: {Reason}")]
        public static partial void BadFrame(ILogger logger, string reason);

        [LoggerMessage(1103, LogLevel.Information, "Supervisor asked to replay from seq {FromSeq}")]
        public static partial void ReplayRequested(ILogger logger, long fromSeq);

        [LoggerMessage(1104, LogLevel.Debug, "Ignoring unexpected '{Type}' frame")]
        public static partial void UnexpectedFrame(ILogger logger, string type);

        [LoggerMessage(1105, LogLevel.Warning, "Result of command {CommandId} not sent: {Reason}")]
        public static partial void CommandResultNotSent(ILogger logger, string commandId, string reason);

        [LoggerMessage(1106, LogLevel.Warning, "Supervisor silent for {SilentSec} s; dropping the connection")]
        public static partial void SupervisorSilent(ILogger logger, int silentSec);
    }
}
