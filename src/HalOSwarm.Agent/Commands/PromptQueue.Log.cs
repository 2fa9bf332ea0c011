using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Commands;

internal sealed partial class PromptQueue
{
    private static partial class Log
    {
        [LoggerMessage(3101, LogLevel.Information, "Session {session_id} is busy; prompt of command {command_id} queued at position {position}")]
        public static partial void Queued(ILogger logger, string session_id, string command_id, int position);

        [LoggerMessage(3102, LogLevel.Information, "Session {session_id} turned idle; delivered the queued prompt of command {command_id}")]
        public static partial void Delivered(ILogger logger, string session_id, string command_id);

        [LoggerMessage(3103, LogLevel.Warning, "Session {session_id} is gone; dropped {count} queued prompts")]
        public static partial void Dropped(ILogger logger, string session_id, int count);

        [LoggerMessage(3104, LogLevel.Warning, "Queued prompt for session {session_id} not delivered yet: {reason}")]
        public static partial void DeliveryFailed(ILogger logger, string session_id, string reason);
    }
}
