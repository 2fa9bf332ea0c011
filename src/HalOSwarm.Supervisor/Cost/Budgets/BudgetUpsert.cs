using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>Creates or replaces a budget's definition (its lift stays).</summary>
internal sealed record BudgetUpsert(Budget Budget) : AwaitedWrite;
