namespace HalOSwarm.Supervisor.Dashboard.Ops;

/// <summary>One group of the cost page (a project, model, provider or node): metered spend, subscription-equivalent spend, tokens, messages.</summary>
internal sealed record CostSlice(string Name, decimal CostUsd, decimal EquivalentUsd, long Tokens, long Messages);
