namespace HalOSwarm.Supervisor.Storage.Writing;

internal sealed partial class StorageWriter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Write batch of {OpCount} ops failed; retrying in {DelayMs} ms")]
    private static partial void LogCommitFailed(ILogger logger, int opCount, double delayMs, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The storage writer stopped on an unexpected error")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "No write handler is registered for {OpType}; the op failed")]
    private static partial void LogNoHandler(ILogger logger, string opType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage writer flushed and stopped")]
    private static partial void LogStopped(ILogger logger);
}
