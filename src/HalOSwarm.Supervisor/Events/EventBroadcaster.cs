using System.Threading.Channels;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Fans stored events out to live subscribers (SSE streams). A subscriber that cannot keep up is dropped, never
/// the writer slowed: it reconnects with Last-Event-ID and catches up from the database.
/// </summary>
internal sealed class EventBroadcaster
{
    private const int SubscriberCapacity = 10_000;
    private readonly Lock _lock = new();
    private Channel<StoredEvent>[] _subscribers = [];

    public bool HasSubscribers => Volatile.Read(ref _subscribers).Length > 0;

    public ChannelReader<StoredEvent> Subscribe(out IDisposable subscription)
    {
        var channel = Channel.CreateBounded<StoredEvent>(new BoundedChannelOptions(SubscriberCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        lock (_lock)
        {
            _subscribers = [.. _subscribers, channel];
        }
        subscription = new Subscription(this, channel);
        return channel.Reader;
    }

    public void Publish(IReadOnlyList<StoredEvent> events)
    {
        var subscribers = Volatile.Read(ref _subscribers);
        foreach (var subscriber in subscribers)
        {
            foreach (var stored in events)
            {
                if (!subscriber.Writer.TryWrite(stored))
                {
                    subscriber.Writer.TryComplete(new InvalidOperationException("subscriber fell behind"));
                    Remove(subscriber);
                    break;
                }
            }
        }
    }

    private void Remove(Channel<StoredEvent> channel)
    {
        lock (_lock)
        {
            _subscribers = _subscribers.Where(s => s != channel).ToArray();
        }
    }

    private sealed class Subscription(EventBroadcaster owner, Channel<StoredEvent> channel) : IDisposable
    {
        public void Dispose()
        {
            channel.Writer.TryComplete();
            owner.Remove(channel);
        }
    }
}
