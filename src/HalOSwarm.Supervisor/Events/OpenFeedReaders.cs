using System.Collections.Concurrent;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// The event feed's readers that are open now, so that event retention never deletes a stored event one of them is
/// still going to read from the database (a live stream catching up after <c>Last-Event-ID</c>, a consumer catching up
/// from its cursor). A reader that reads live needs nothing from the database.
/// </summary>
internal sealed class OpenFeedReaders
{
    private readonly ConcurrentDictionary<EventFeedReader, byte> _readers = new();

    public void Add(EventFeedReader reader) => _readers.TryAdd(reader, 0);

    public void Remove(EventFeedReader reader) => _readers.TryRemove(reader, out _);

    /// <summary>The lowest id after which an open reader still reads stored events; null when none does.</summary>
    public long? LowestNeededAfter()
    {
        long? lowest = null;
        foreach (var reader in _readers.Keys)
        {
            if (reader.NeededAfter is { } after && (lowest is null || after < lowest))
            {
                lowest = after;
            }
        }
        return lowest;
    }
}
