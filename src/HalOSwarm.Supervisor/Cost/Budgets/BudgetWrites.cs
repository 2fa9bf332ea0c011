using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>Creates or replaces a budget's definition (its lift stays).</summary>
internal sealed record BudgetUpsert(Budget Budget) : AwaitedWrite;

/// <summary>Deletes a budget; true when there was one. Its marks stay as history.</summary>
internal sealed record BudgetDelete(string Name) : AwaitedWrite<bool>;

/// <summary>Lifts a budget's enforcement for the window starting on <see cref="Window"/>; true when the budget exists.</summary>
internal sealed record BudgetLift(string Name, DateOnly Window, DateTimeOffset At, string By) : AwaitedWrite<bool>;

/// <summary>Writes the budgets of <c>cost.budgets</c> and deletes config budgets no longer there.</summary>
internal sealed record BudgetConfigSync(IReadOnlyList<Budget> Budgets) : AwaitedWrite;

/// <summary>
/// Records a mark once per budget, window, kind and threshold, and with it (same transaction, only the first time) the
/// supervisor event <see cref="EventType"/> with <see cref="EventData"/>; true when it was new.
/// </summary>
internal sealed record BudgetMark(
    string Budget, DateOnly Window, string Kind, int Threshold, DateTimeOffset At, CostSpend Spend, string EventType, string EventData)
    : AwaitedWrite<bool>;
