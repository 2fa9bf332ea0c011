namespace HalOSwarm.Supervisor.Dashboard.Ops;

/// <summary>A UTC day of the cost page: what we metered (pay-per-token) and what the providers billed (null: nothing billed known).</summary>
internal sealed record CostDay(DateOnly Date, decimal MeteredUsd, decimal? BilledUsd);
