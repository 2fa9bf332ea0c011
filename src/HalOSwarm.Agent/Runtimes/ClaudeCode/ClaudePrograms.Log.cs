using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

internal sealed partial class ClaudePrograms
{
    private static partial class Log
    {
        [LoggerMessage(2201, LogLevel.Information, "Started claude for session {SessionId} (pid {Pid}, resume {Resume})")]
        public static partial void Started(ILogger logger, string sessionId, int pid, bool resume);

        [LoggerMessage(2203, LogLevel.Warning, "Session {SessionId}: reading claude's output failed: {Reason}")]
        public static partial void TailFailed(ILogger logger, string sessionId, string reason);
    }
}
