namespace HalOSwarm.Ctl.Api;

/// <summary>Body of <c>PUT /api/v1/budgets/{name}</c>.</summary>
internal sealed record BudgetRequest(string Scope, string Window, decimal? LimitUsd, long? LimitTokens, IReadOnlyList<int>? Thresholds, string Action);
