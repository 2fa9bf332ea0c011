using System.Threading.Channels;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// One live subscriber of the <see cref="EventBroadcaster"/>: a queue bounded both in events and in bytes (an event
/// counts its data plus <see cref="OverheadBytes"/>). When either bound would be passed, the subscriber is dropped: its
/// queue ends with <see cref="InvalidOperationException"/> and <see cref="Dropped"/> fires, so a reader blocked on a client
/// that never reads is cut loose too. Dispose to unsubscribe.
/// </summary>
internal sealed class EventSubscription : IDisposable
{
    public const int MaxEvents = 10_000;
    public const int OverheadBytes = 256;
    private readonly EventBroadcaster _owner;
    private readonly long _maxBytes;
    private readonly Channel<StoredEvent> _channel = Channel.CreateBounded<StoredEvent>(new BoundedChannelOptions(MaxEvents)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly CancellationTokenSource _dropped = new();
    private long _bufferedBytes;
    private int _disposed;

    public EventSubscription(EventBroadcaster owner, long maxBytes)
    {
        _owner = owner;
        _maxBytes = maxBytes;
    }

    /// <summary>Fires when the broadcaster dropped this subscriber for falling behind.</summary>
    public CancellationToken Dropped => _dropped.Token;

    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    public bool TryRead(out StoredEvent stored)
    {
        if (!_channel.Reader.TryRead(out stored!))
        {
            return false;
        }
        Interlocked.Add(ref _bufferedBytes, -Size(stored));
        return true;
    }

    /// <summary>Queues one event; false (and the subscriber dropped) when that would pass a bound.</summary>
    internal bool TryOffer(StoredEvent stored)
    {
        var size = Size(stored);
        if (Interlocked.Add(ref _bufferedBytes, size) > _maxBytes || !_channel.Writer.TryWrite(stored))
        {
            Drop();
            return false;
        }
        return true;
    }

    private void Drop()
    {
        _channel.Writer.TryComplete(new InvalidOperationException("subscriber fell behind"));
        try
        {
            // Asynchronously: this runs on the writer's thread, which must not run the readers' cancellation callbacks.
            _ = _dropped.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // Disposed by its reader at the same moment.
        }
    }

    private static long Size(StoredEvent stored) => OverheadBytes + (stored.DataUtf8.IsEmpty ? stored.Data.Length * 3L : stored.DataUtf8.Length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _channel.Writer.TryComplete();
        _owner.Remove(this);
        _dropped.Dispose();
    }
}
