namespace HalOSwarm.Supervisor.Storage.Writing;

internal sealed partial class StorageWriter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Write batch of {op_count} ops failed; retrying in {delay_ms} ms")]
    private static partial void LogCommitFailed(ILogger logger, int op_count, double delay_ms, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The storage writer stopped on an unexpected error")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "No write handler is registered for {op_type}; the op failed")]
    private static partial void LogNoHandler(ILogger logger, string op_type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage writer flushed and stopped")]
    private static partial void LogStopped(ILogger logger);
}
