using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>
/// Stores the router's alerts in one transaction, each with a pending <c>post</c> delivery per target. An alert whose
/// dedup key is already stored (a replay after a crash, the idle sweep seeing the same idle period) is skipped with its
/// deliveries. The result has, per alert in order, its new id or 0 when it was skipped. <see cref="Cursor"/>, when set,
/// saves an event consumer's cursor in the same transaction (the router's: the alerts and how far it read commit
/// together, and the cursor never takes the database's write lock beside the writer).
/// </summary>
internal sealed record AlertsInsert(IReadOnlyList<NewAlert> Alerts, EventCursor? Cursor = null) : AwaitedWrite<IReadOnlyList<long>>
{
    public override int Weight => Math.Max(1, Alerts.Count);
}
