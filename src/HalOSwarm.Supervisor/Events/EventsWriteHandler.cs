using HalOSwarm.Supervisor.Observability;
using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Sessions;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Stores a node's events exactly once by (node_id, seq), applies them to the session projection and advances the
/// node's durable seq (acked after the commit). An event for another node's session is refused, not stored.
/// </summary>
internal sealed class EventsWriteHandler(
    EventInserter inserter,
    SessionProjection projection,
    NodeStateStore nodes,
    SupervisorMetrics metrics,
    TimeProvider timeProvider,
    IEnumerable<IEventProjection> projections) : IWriteHandler<EventsWrite>
{
    private readonly IEventProjection[] _projections = [.. projections];

    public void Apply(EventsWrite op, WriteBatch batch)
    {
        var startSeq = nodes.DurableSeq(op.NodeId);
        var durableSeq = startSeq;
        foreach (var e in op.Events)
        {
            if (e.Seq <= durableSeq)
            {
                continue; // already stored: a duplicate that slipped past the reader is not stored twice
            }
            durableSeq = e.Seq;
            // A refused event is neither stored nor applied, but its seq counts as received: the agent moves on.
            var rejection = e.Rejection ?? (e.SessionId is { } sid && projection.OwnerOf(sid) is { } owner && owner != op.NodeId
                ? $"session {sid} belongs to another node"
                : null);
            if (rejection is not null)
            {
                nodes.Reject(op.NodeId, e.Seq, $"event '{Printable(e.Type)}'", rejection, batch.Now);
                continue;
            }
            inserter.Insert(op.NodeId, e.Seq, e.Type, e.SessionId, e.Ts, e.Data);
            projection.Apply(op.NodeId, e.Type, e.SessionId, e.Ts, e.Data);
            foreach (var other in _projections)
            {
                if (other.Wants(e.Type))
                {
                    other.Apply(op.NodeId, e.Seq, e.Type, e.SessionId, e.Ts, e.Data);
                }
            }
        }
        if (durableSeq > startSeq)
        {
            nodes.Advance(op.NodeId, durableSeq);
        }
        if (op.Events.Count > 0)
        {
            batch.AfterCommit(() => metrics.EventsFrameCommitted(timeProvider.GetElapsedTime(op.ReadTimestamp), timeProvider.GetUtcNow() - op.Events[0].Ts));
        }
    }

    /// <summary>A refused type as it may appear in a log line or the node's last rejection: printable ASCII, bounded.</summary>
    private static string Printable(string type)
    {
        var text = new string([.. type.Take(64).Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return type.Length > 64 ? text + "..." : text;
    }
}
