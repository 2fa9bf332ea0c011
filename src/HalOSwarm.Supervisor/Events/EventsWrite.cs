namespace HalOSwarm.Supervisor.Events;

/// <summary>Agent events already checked to be the node's next contiguous seqs.</summary>
internal sealed record EventsWrite(string NodeId, IReadOnlyList<IncomingEvent> Events) : WriteOp
{
    public override int Weight => Events.Count;
}
