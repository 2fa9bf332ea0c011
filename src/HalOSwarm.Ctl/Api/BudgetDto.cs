namespace HalOSwarm.Ctl.Api;

/// <summary>A budget as <c>GET /api/v1/budgets</c> shows it: definition, current window, spend, state and forecast.</summary>
internal sealed record BudgetDto
{
    public string Name { get; init; } = "";
    public string Scope { get; init; } = "";
    public string Window { get; init; } = "";
    public decimal? LimitUsd { get; init; }
    public long? LimitTokens { get; init; }
    public IReadOnlyList<int> Thresholds { get; init; } = [];
    public string Action { get; init; } = "";
    public string Source { get; init; } = "";
    public DateTimeOffset? WindowStart { get; init; }
    public DateTimeOffset? ResetsAt { get; init; }
    public decimal SpendUsd { get; init; }
    public long SpendTokens { get; init; }
    public decimal Percent { get; init; }
    public IReadOnlyList<int> ThresholdsReached { get; init; } = [];
    public string State { get; init; } = "";
    public string? Reason { get; init; }
    public string? LiftedBy { get; init; }
    public BudgetForecastDto? Forecast { get; init; }
}
