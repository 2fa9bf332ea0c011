using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>Notes stored <c>usage</c> events and, once their batch is committed (and booked), wakes the budget evaluator.</summary>
internal sealed class BudgetUsageProjection(BudgetSignal signal) : IEventProjection, IWriteBatchParticipant
{
    private bool _usage;

    public bool Wants(string type) => type == EventTypes.Usage;

    public void Apply(string nodeId, long seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data) => _usage = true;

    public void Begin() => _usage = false;

    public void Committed()
    {
        if (_usage)
        {
            _usage = false;
            signal.Wake();
        }
    }

    public void RolledBack() => _usage = false;
}
