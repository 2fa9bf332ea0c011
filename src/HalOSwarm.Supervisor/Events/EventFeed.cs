using System.Runtime.CompilerServices;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Catch-up-then-live reading of stored events, shared by every consumer: the live stream
/// (<c>/api/v1/events/stream</c>) reads one <see cref="EventFeedReader"/> until it is dropped; the policies, the
/// approval watcher and the dependency scheduler read <see cref="ReadAsync"/>, which subscribes again when dropped and
/// re-reads what it missed from the database, so they never lose an event.
/// </summary>
internal sealed partial class EventFeed(EventBroadcaster broadcaster, EventQueries queries, OpenFeedReaders open, ILogger<EventFeed> logger)
{
    /// <summary>
    /// A reader of the events matching <paramref name="filter"/> after <paramref name="afterId"/> (none stored before
    /// now when null), dropped once more than <paramref name="maxBufferedBytes"/> of live events wait in it.
    /// </summary>
    public EventFeedReader Open(EventFilter filter, long? afterId, long maxBufferedBytes = long.MaxValue) =>
        new(broadcaster.Subscribe(maxBufferedBytes), queries, filter, afterId, open);

    /// <summary>The events of some types after <paramref name="afterId"/>, in id order, each once, for as long as the caller reads.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadAsync(
        IReadOnlyList<string> types, long afterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new EventFilter(null, null, types, [], null, null);
        var last = afterId;
        while (!cancellationToken.IsCancellationRequested)
        {
            using (var reader = Open(filter, last))
            {
                while (await reader.WaitToReadAsync(cancellationToken))
                {
                    while (reader.TryRead(out var stored))
                    {
                        last = stored.Id;
                        yield return stored;
                    }
                }
            }
            LogResubscribing(logger, last);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, EventName = "policy.feed_dropped",
        Message = "Event feed fell behind the broadcaster; re-reading from event {last_id}")]
    private static partial void LogResubscribing(ILogger logger, long last_id);
}
