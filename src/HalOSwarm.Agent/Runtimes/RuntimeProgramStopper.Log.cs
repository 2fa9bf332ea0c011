using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes;

internal sealed partial class RuntimeProgramStopper
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Stopped {program}")]
        public static partial void Stopped(ILogger logger, string program);
    }
}
