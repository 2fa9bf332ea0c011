using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Commands;

internal sealed partial class CommandExecutor
{
    private static partial class Log
    {
        [LoggerMessage(3001, LogLevel.Information, "Command {CommandId} {CommandType} session {SessionId} project {Project}")]
        public static partial void Received(ILogger logger, string commandId, string commandType, string? sessionId, string? project);

        [LoggerMessage(3002, LogLevel.Warning, "Command {CommandId} {CommandType} failed ({ErrorCode}): {Error}")]
        public static partial void Failed(ILogger logger, string commandId, string commandType, string errorCode, string error);
    }
}
