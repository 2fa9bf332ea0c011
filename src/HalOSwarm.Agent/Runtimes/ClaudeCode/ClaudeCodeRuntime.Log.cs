using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

internal sealed partial class ClaudeCodeRuntime
{
    private static partial class Log
    {
        [LoggerMessage(2202, LogLevel.Information, "Session {session_id}: following its output again (pid {pid}, running {alive})")]
        public static partial void Reattached(ILogger logger, string session_id, int pid, bool alive);

        [LoggerMessage(2204, LogLevel.Warning, "Session {session_id}: could not take it up again: {reason}")]
        public static partial void ReattachFailed(ILogger logger, string session_id, string reason);
    }
}
