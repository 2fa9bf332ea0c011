using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Commands;

internal sealed partial class CommandExecutor
{
    private static partial class Log
    {
        [LoggerMessage(3001, LogLevel.Information, "Command {command_id} {command_type} session {session_id} project {project}")]
        public static partial void Received(ILogger logger, string command_id, string command_type, string? session_id, string? project);

        [LoggerMessage(3002, LogLevel.Warning, "Command {command_id} {command_type} failed ({error_code}): {error}")]
        public static partial void Failed(ILogger logger, string command_id, string command_type, string error_code, string error);
    }
}
