using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>
/// Stores the router's alerts in one transaction, each with a pending <c>post</c> delivery per target. An alert whose
/// dedup key is already stored (a replay after a crash, the idle sweep seeing the same idle period) is skipped with its
/// deliveries. The result has, per alert in order, its new id or 0 when it was skipped.
/// </summary>
internal sealed record AlertsInsert(IReadOnlyList<NewAlert> Alerts) : AwaitedWrite<IReadOnlyList<long>>
{
    public override int Weight => Alerts.Count;
}
