using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.ToolAuth;

internal sealed partial class ToolAuthMonitor
{
    private static partial class Log
    {
        [LoggerMessage(6101, LogLevel.Debug, "Checked the logins of {tool_count} agent programs; {sent_count} reported")]
        public static partial void Checked(ILogger logger, int tool_count, int sent_count);

        [LoggerMessage(6102, LogLevel.Warning, "Could not check the agent programs' logins: {reason}")]
        public static partial void CheckFailed(ILogger logger, string reason);
    }
}
