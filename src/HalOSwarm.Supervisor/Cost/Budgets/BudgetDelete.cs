using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>Deletes a budget; true when there was one. Its marks stay as history.</summary>
internal sealed record BudgetDelete(string Name) : AwaitedWrite<bool>;
