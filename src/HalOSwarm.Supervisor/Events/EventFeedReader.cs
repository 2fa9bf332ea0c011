namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// One pass of the <see cref="EventFeed"/> over one subscription: the events matching a filter, in id order, each once —
/// first what was stored after the start id (from the database, a page at a time), then live from the subscription,
/// skipping ids already read. Read it like a channel: <see cref="WaitToReadAsync"/>, then <see cref="TryRead"/> until false.
/// It ends (<see cref="WaitToReadAsync"/> returns false) when the broadcaster drops the subscription for falling behind;
/// <see cref="Dropped"/> fires then. The subscription is taken before the first database read, so nothing stored in
/// between is missed. Dispose to unsubscribe.
/// </summary>
internal sealed class EventFeedReader : IDisposable
{
    private const int PageSize = 500;
    private readonly EventSubscription _subscription;
    private readonly EventQueries _queries;
    private readonly EventFilter _filter;
    private readonly OpenFeedReaders? _open;
    private IReadOnlyList<StoredEvent> _page = [];
    private int _index;
    private volatile bool _catchingUp;
    private long _last;

    /// <param name="afterId">Catch up from the database after this id; null reads only what is stored from now on.</param>
    /// <param name="open">Where the reader registers while it catches up from the database, for event retention.</param>
    public EventFeedReader(EventSubscription subscription, EventQueries queries, EventFilter filter, long? afterId, OpenFeedReaders? open = null)
    {
        _subscription = subscription;
        _queries = queries;
        _filter = filter;
        _catchingUp = afterId is not null;
        _last = afterId ?? 0;
        _open = open;
        _open?.Add(this);
    }

    /// <summary>While catching up: the id after which it still reads stored events; null once it reads live.</summary>
    public long? NeededAfter => _catchingUp ? Interlocked.Read(ref _last) : null;

    /// <summary>Fires when the broadcaster dropped the subscription for falling behind.</summary>
    public CancellationToken Dropped => _subscription.Dropped;

    /// <summary>True when <see cref="TryRead"/> may have an event; false once the subscription was dropped or completed.</summary>
    public async ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken)
    {
        if (_index < _page.Count)
        {
            return true;
        }
        if (_catchingUp)
        {
            var (page, hasMore) = await _queries.ListAsync(_filter, descending: false, _last, PageSize, cancellationToken);
            (_page, _index, _catchingUp) = (page, 0, hasMore);
            if (page.Count > 0)
            {
                return true;
            }
        }
        try
        {
            return await _subscription.WaitToReadAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return false; // dropped for falling behind
        }
    }

    public bool TryRead(out StoredEvent stored)
    {
        if (_index < _page.Count)
        {
            stored = _page[_index++];
            Interlocked.Exchange(ref _last, stored.Id);
            return true;
        }
        if (!_catchingUp)
        {
            while (_subscription.TryRead(out stored))
            {
                if (stored.Id <= _last)
                {
                    continue;
                }
                _last = stored.Id;
                if (_filter.Matches(stored))
                {
                    return true;
                }
            }
        }
        stored = null!;
        return false;
    }

    public void Dispose()
    {
        _open?.Remove(this);
        _subscription.Dispose();
    }
}
