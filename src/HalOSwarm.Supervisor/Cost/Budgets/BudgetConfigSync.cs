using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>Writes the budgets of <c>cost.budgets</c> and deletes config budgets no longer there.</summary>
internal sealed record BudgetConfigSync(IReadOnlyList<Budget> Budgets) : AwaitedWrite;
