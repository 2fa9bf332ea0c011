using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Tasks;

internal sealed partial class TaskFileWatcher
{
    private static partial class Log
    {
        [LoggerMessage(4001, LogLevel.Warning, "Cannot read task file {path}: {reason}")]
        public static partial void ReadFailed(ILogger logger, string path, string reason);
    }
}
