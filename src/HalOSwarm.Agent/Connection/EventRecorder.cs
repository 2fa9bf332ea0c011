using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Connection;

/// <summary>Stores events in the outbox, keeps the tracked sessions in step with them and tells the feed.</summary>
internal sealed class EventRecorder : IEventRecorder
{
    private readonly Outbox _outbox;
    private readonly SessionStore _sessions;
    private readonly RecordedEventFeed? _feed;

    public EventRecorder(Outbox outbox, SessionStore sessions, RecordedEventFeed? feed = null)
    {
        _outbox = outbox;
        _sessions = sessions;
        _feed = feed;
    }

    public Task<IReadOnlyList<AgentEvent>> RecordAsync(IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken) =>
        RecordAsync(events, null, cancellationToken);

    public Task<long> ReadCursorAsync(string key, CancellationToken cancellationToken) => _outbox.ReadCursorAsync(key, cancellationToken);

    public async Task<IReadOnlyList<AgentEvent>> RecordAsync(IReadOnlyList<PendingEvent> events, RuntimeCursor? cursor, CancellationToken cancellationToken)
    {
        var recorded = await _outbox.AppendAsync(events, cursor, cancellationToken);
        if (recorded.Count > 0)
        {
            await _sessions.ApplyAsync(recorded, CancellationToken.None);
            _feed?.Publish(recorded);
        }
        return recorded;
    }
}
