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
    }
}
