using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Connection;

internal sealed partial class CommandRunner
{
    private static partial class Log
    {
        [LoggerMessage(1201, LogLevel.Information, "Command {CommandId} received again ({State}); not run a second time")]
        public static partial void Duplicate(ILogger logger, string commandId, string state);

        [LoggerMessage(1202, LogLevel.Information, "Stopping: cancelling {Count} running command(s) and waiting for them")]
        public static partial void Stopping(ILogger logger, int count);

        private static readonly Func<ILogger, string, string?, IDisposable?> s_running =
            LoggerMessage.DefineScope<string, string?>("command {CommandId} correlation {CorrelationId}");

        public static IDisposable? Running(ILogger logger, string commandId, string? correlationId) => s_running(logger, commandId, correlationId);

        [LoggerMessage(1204, LogLevel.Information, "Command {CommandId} ({Type}) finished: ok {Ok}, error code {ErrorCode} (correlation {CorrelationId})")]
        public static partial void Finished(ILogger logger, string commandId, string type, bool ok, string? errorCode, string? correlationId);

        [LoggerMessage(1203, LogLevel.Warning, "{Count} command(s) still running when the shutdown timeout ran out")]
        public static partial void StillRunning(ILogger logger, int count);
    }
}
