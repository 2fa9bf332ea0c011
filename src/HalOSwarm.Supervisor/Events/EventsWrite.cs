using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Events;

/// <summary>Agent events already checked to be the node's next contiguous seqs. Ingest: the bulk lane; acked after the commit.</summary>
internal sealed record EventsWrite(string NodeId, IReadOnlyList<IncomingEvent> Events) : WriteOp
{
    /// <summary>When the frame was read off the socket (<see cref="TimeProvider.GetTimestamp"/>), for the processing-time histogram.</summary>
    public long ReadTimestamp { get; init; }

    public override int Weight => Events.Count;

    public override WriteLane Lane => WriteLane.Bulk;
}
