using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

internal sealed partial class OpenCodeRuntime
{
    private static partial class Log
    {
        [LoggerMessage(2101, LogLevel.Information, "Following opencode events; reconciliation recorded {recorded} events")]
        public static partial void Following(ILogger logger, int recorded);

        [LoggerMessage(2102, LogLevel.Warning, "opencode event stream ended: {reason}")]
        public static partial void StreamEnded(ILogger logger, string reason);

        [LoggerMessage(2103, LogLevel.Warning, "opencode message {message_id} completed before its parts arrived and could not be read back: {reason}; recorded without its text")]
        public static partial void MessageUnread(ILogger logger, string message_id, string reason);
    }
}
