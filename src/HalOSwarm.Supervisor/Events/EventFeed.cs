using System.Runtime.CompilerServices;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// The events of some types, in id order, each once: first what was stored after <c>afterId</c> (from the database),
/// then live from the broadcaster. The broadcaster drops a subscriber that falls behind; the feed then subscribes
/// again and reads what it missed from the database, so a consumer never loses an event.
/// </summary>
internal sealed partial class EventFeed(EventBroadcaster broadcaster, EventQueries queries, ILogger<EventFeed> logger)
{
    private const int PageSize = 500;

    public async IAsyncEnumerable<StoredEvent> ReadAsync(
        IReadOnlyList<string> types, long afterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new EventFilter(null, null, types, [], null, null);
        var last = afterId;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Subscribe before reading the database, so nothing stored in between is missed; duplicates are skipped by id.
            using (var reader = broadcaster.Subscribe())
            {
                bool more;
                do
                {
                    var (page, hasMore) = await queries.ListAsync(filter, descending: false, last, PageSize, cancellationToken);
                    foreach (var stored in page)
                    {
                        last = stored.Id;
                        yield return stored;
                    }
                    more = hasMore;
                }
                while (more);

                while (await WaitAsync(reader, cancellationToken))
                {
                    while (reader.TryRead(out var stored))
                    {
                        if (stored.Id <= last || !filter.Matches(stored))
                        {
                            continue;
                        }
                        last = stored.Id;
                        yield return stored;
                    }
                }
            }
            LogResubscribing(logger, last);
        }
    }

    /// <summary>False when the broadcaster dropped this subscriber (or it was completed).</summary>
    private static async Task<bool> WaitAsync(EventSubscription reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, EventName = "policy.feed_dropped",
        Message = "Event feed fell behind the broadcaster; re-reading from event {LastId}")]
    private static partial void LogResubscribing(ILogger logger, long lastId);
}
