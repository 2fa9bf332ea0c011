using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.ToolAuth;

internal sealed partial class DeviceLogins
{
    private static partial class Log
    {
        [LoggerMessage(6111, LogLevel.Information, "Login {login_id} of {tool} waits for its code to be entered")]
        public static partial void Pending(ILogger logger, string login_id, string tool);

        [LoggerMessage(6112, LogLevel.Information, "Login {login_id} of {tool} ended: {status}")]
        public static partial void Finished(ILogger logger, string login_id, string tool, string status);

        [LoggerMessage(6113, LogLevel.Warning, "Could not report the end of login {login_id}: {reason}")]
        public static partial void ReportFailed(ILogger logger, string login_id, string reason);
    }
}
