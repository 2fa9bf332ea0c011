using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

internal sealed partial class OpenCodeProcessManager
{
    private static partial class Log
    {
        [LoggerMessage(2001, LogLevel.Information, "Attached to the opencode server already answering on {base_url}")]
        public static partial void Attached(ILogger logger, string base_url);

        [LoggerMessage(2002, LogLevel.Information, "Started opencode serve (pid {pid}) for {base_url}, output in {log_path}")]
        public static partial void Started(ILogger logger, int pid, string base_url, string log_path);

        [LoggerMessage(2003, LogLevel.Information, "opencode serve answers on {base_url}")]
        public static partial void Ready(ILogger logger, string base_url);

        [LoggerMessage(2004, LogLevel.Information, "The opencode server started earlier (pid {pid}) still runs but is slow to answer on {base_url}; waiting for it")]
        public static partial void WaitingForEarlier(ILogger logger, int pid, string base_url);
    }
}
