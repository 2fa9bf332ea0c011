namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>Body of <c>PUT /api/v1/budgets/{name}</c>: a <c>cost.budgets</c> entry without its name (the path names it).</summary>
internal sealed record BudgetRequest(string? Scope, string? Window, decimal? LimitUsd, long? LimitTokens, List<int>? Thresholds, string? Action);
