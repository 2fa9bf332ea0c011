using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

internal sealed partial class ClaudeCodeRuntime
{
    private static partial class Log
    {
        [LoggerMessage(2202, LogLevel.Information, "Session {SessionId}: following its output again (pid {Pid}, running {Alive})")]
        public static partial void Reattached(ILogger logger, string sessionId, int pid, bool alive);

        [LoggerMessage(2204, LogLevel.Warning, "Session {SessionId}: could not take it up again: {Reason}")]
        public static partial void ReattachFailed(ILogger logger, string sessionId, string reason);
    }
}
