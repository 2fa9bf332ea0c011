using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>Lifts a budget's enforcement for the window starting on <see cref="Window"/>; true when the budget exists.</summary>
internal sealed record BudgetLift(string Name, DateOnly Window, DateTimeOffset At, string By) : AwaitedWrite<bool>;
