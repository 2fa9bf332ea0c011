using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Connection;

internal sealed partial class CommandRunner
{
    private static partial class Log
    {
        [LoggerMessage(1201, LogLevel.Information, "Command {command_id} received again ({state}); not run a second time")]
        public static partial void Duplicate(ILogger logger, string command_id, string state);

        [LoggerMessage(1202, LogLevel.Information, "Stopping: cancelling {count} running command(s) and waiting for them")]
        public static partial void Stopping(ILogger logger, int count);

        private static readonly Func<ILogger, string, string?, IDisposable?> s_running =
            LoggerMessage.DefineScope<string, string?>("command {command_id} correlation {correlation_id}");

        public static IDisposable? Running(ILogger logger, string commandId, string? correlationId) => s_running(logger, commandId, correlationId);

        [LoggerMessage(1204, LogLevel.Information, "Command {command_id} ({type}) finished: ok {ok}, error code {error_code} (correlation {correlation_id})")]
        public static partial void Finished(ILogger logger, string command_id, string type, bool ok, string? error_code, string? correlation_id);

        [LoggerMessage(1203, LogLevel.Warning, "{count} command(s) still running when the shutdown timeout ran out")]
        public static partial void StillRunning(ILogger logger, int count);
    }
}
