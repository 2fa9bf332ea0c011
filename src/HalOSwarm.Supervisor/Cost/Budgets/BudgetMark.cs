using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// Records a mark once per budget, window, kind and threshold, and with it (same transaction, only the first time) the
/// supervisor event <see cref="EventType"/> with <see cref="EventData"/>; true when it was new.
/// </summary>
internal sealed record BudgetMark(
    string Budget, DateOnly Window, string Kind, int Threshold, DateTimeOffset At, CostSpend Spend, string EventType, string EventData)
    : AwaitedWrite<bool>;
