using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

internal sealed partial class ClaudePrograms
{
    private static partial class Log
    {
        [LoggerMessage(2201, LogLevel.Information, "Started claude for session {session_id} (pid {pid}, resume {resume})")]
        public static partial void Started(ILogger logger, string session_id, int pid, bool resume);

        [LoggerMessage(2203, LogLevel.Warning, "Session {session_id}: reading claude's output failed: {reason}")]
        public static partial void TailFailed(ILogger logger, string session_id, string reason);
    }
}
