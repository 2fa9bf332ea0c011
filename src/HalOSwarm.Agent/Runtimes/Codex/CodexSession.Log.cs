using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.Codex;

internal sealed partial class CodexSession
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Following codex thread {thread_id} stopped: {reason}")]
        public static partial void TailFailed(ILogger logger, string thread_id, string reason);
    }
}
