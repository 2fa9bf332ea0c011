namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Fans stored events out to live subscribers (SSE streams, the policies' feeds). A subscriber that cannot keep up is
/// dropped, never the writer slowed: it reconnects with Last-Event-ID (or re-reads the database) and catches up. Each
/// subscriber may hold at most <see cref="EventSubscription.MaxEvents"/> events and its own byte budget.
/// </summary>
internal sealed class EventBroadcaster : IEventPublisher
{
    private readonly Lock _lock = new();
    private EventSubscription[] _subscribers = [];

    public bool HasSubscribers => Volatile.Read(ref _subscribers).Length > 0;

    /// <summary>A new subscriber that is dropped once more than <paramref name="maxBufferedBytes"/> of events wait in it.</summary>
    public EventSubscription Subscribe(long maxBufferedBytes = long.MaxValue)
    {
        var subscription = new EventSubscription(this, maxBufferedBytes);
        lock (_lock)
        {
            _subscribers = [.. _subscribers, subscription];
        }
        return subscription;
    }

    /// <summary>Called by the writer after a commit; never blocks.</summary>
    public void Publish(IReadOnlyList<StoredEvent> events)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            foreach (var stored in events)
            {
                if (!subscriber.TryOffer(stored))
                {
                    Remove(subscriber);
                    break;
                }
            }
        }
    }

    internal void Remove(EventSubscription subscription)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers.Where(s => s != subscription)];
        }
    }
}
