using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Connection;

internal sealed partial class CommandRunner
{
    private static partial class Log
    {
        [LoggerMessage(1201, LogLevel.Information, "Command {CommandId} received again ({State}); not run a second time")]
        public static partial void Duplicate(ILogger logger, string commandId, string state);
    }
}
