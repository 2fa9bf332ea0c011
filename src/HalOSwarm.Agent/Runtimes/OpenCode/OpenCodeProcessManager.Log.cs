using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

internal sealed partial class OpenCodeProcessManager
{
    private static partial class Log
    {
        [LoggerMessage(2001, LogLevel.Information, "Attached to the opencode server already answering on {BaseUrl}")]
        public static partial void Attached(ILogger logger, string baseUrl);

        [LoggerMessage(2002, LogLevel.Information, "Started opencode serve (pid {Pid}) for {BaseUrl}, output in {LogPath}")]
        public static partial void Started(ILogger logger, int pid, string baseUrl, string logPath);

        [LoggerMessage(2003, LogLevel.Information, "opencode serve answers on {BaseUrl}")]
        public static partial void Ready(ILogger logger, string baseUrl);
    }
}
