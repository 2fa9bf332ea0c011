using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Connection;

/// <summary>Stores events in the outbox and keeps the tracked sessions in step with them.</summary>
internal sealed class EventRecorder : IEventRecorder
{
    private readonly Outbox _outbox;
    private readonly SessionStore _sessions;

    public EventRecorder(Outbox outbox, SessionStore sessions)
    {
        _outbox = outbox;
        _sessions = sessions;
    }

    public async Task<IReadOnlyList<AgentEvent>> RecordAsync(IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken)
    {
        var recorded = await _outbox.AppendAsync(events, cancellationToken);
        if (recorded.Count > 0)
        {
            await _sessions.ApplyAsync(recorded, CancellationToken.None);
        }
        return recorded;
    }
}
