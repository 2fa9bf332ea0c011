using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Commands;

internal sealed partial class PromptQueue
{
    private static partial class Log
    {
        [LoggerMessage(3101, LogLevel.Information, "Session {SessionId} is busy; prompt of command {CommandId} queued at position {Position}")]
        public static partial void Queued(ILogger logger, string sessionId, string commandId, int position);

        [LoggerMessage(3102, LogLevel.Information, "Session {SessionId} turned idle; delivered the queued prompt of command {CommandId}")]
        public static partial void Delivered(ILogger logger, string sessionId, string commandId);

        [LoggerMessage(3103, LogLevel.Warning, "Session {SessionId} is gone; dropped {Count} queued prompts")]
        public static partial void Dropped(ILogger logger, string sessionId, int count);

        [LoggerMessage(3104, LogLevel.Warning, "Queued prompt for session {SessionId} not delivered yet: {Reason}")]
        public static partial void DeliveryFailed(ILogger logger, string sessionId, string reason);
    }
}
