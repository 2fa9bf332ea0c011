using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>
/// Deletes one batch of old events, in the storage writer's bulk lane (between ingest batches, never ahead of a
/// command); completes with how many were deleted. Ids an open feed reader still needs by then are kept.
/// </summary>
internal sealed record EventsPurge(IReadOnlyList<long> Ids) : AwaitedWrite<int>
{
    public override int Weight => Ids.Count;

    public override WriteLane Lane => WriteLane.Bulk;
}
