namespace HalOSwarm.Supervisor.Search;

internal sealed partial class SearchIndexer
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "search.disabled", Message = "Search indexing is off (search.enabled = false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, EventName = "search.started", Message = "Search indexer following events after {last_id}")]
    private static partial void LogStarted(ILogger logger, long last_id);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "search.feed_dropped",
        Message = "Search indexer fell behind the broadcaster; re-reading from event {last_id}")]
    private static partial void LogResubscribing(ILogger logger, long last_id);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "search.event_unreadable", Message = "Event {event_id} ({type}) not indexed: {reason}")]
    private static partial void LogUnreadable(ILogger logger, long event_id, string type, string reason);

    [LoggerMessage(Level = LogLevel.Error, EventName = "search.batch_failed",
        Message = "Could not index events {first_id} to {last_id}; they are skipped: {reason}")]
    private static partial void LogFailed(ILogger logger, long first_id, long last_id, string reason);
}
