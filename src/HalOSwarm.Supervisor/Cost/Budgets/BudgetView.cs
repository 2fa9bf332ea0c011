using HalOSwarm.Supervisor.Cost.Forecast;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>A budget as the API shows it: its definition, its current window, the spend in it and its forecast.</summary>
internal sealed record BudgetView
{
    public required string Name { get; init; }
    public required string Scope { get; init; }
    public required string Window { get; init; }
    public decimal? LimitUsd { get; init; }
    public long? LimitTokens { get; init; }
    public required IReadOnlyList<int> Thresholds { get; init; }
    public required string Action { get; init; }
    public required string Source { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }
    public DateTimeOffset WindowStart { get; init; }
    public DateTimeOffset ResetsAt { get; init; }
    public decimal SpendUsd { get; init; }
    public long SpendTokens { get; init; }
    public decimal Percent { get; init; }
    public required IReadOnlyList<int> ThresholdsReached { get; init; }
    public required string State { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset? LiftedAt { get; init; }
    public string? LiftedBy { get; init; }
    public required BudgetForecast Forecast { get; init; }

    public static BudgetView Of(BudgetReading reading, BudgetForecast forecast)
    {
        var budget = reading.Budget;
        return new BudgetView
        {
            Name = budget.Name,
            Scope = budget.Scope.ToString(),
            Window = budget.Window,
            LimitUsd = budget.LimitUsd,
            LimitTokens = budget.LimitTokens,
            Thresholds = budget.Thresholds,
            Action = budget.Action,
            Source = budget.Source,
            UpdatedAt = budget.UpdatedAt,
            UpdatedBy = budget.UpdatedBy,
            WindowStart = reading.Start,
            ResetsAt = reading.ResetsAt,
            SpendUsd = reading.Spend.Usd,
            SpendTokens = reading.Spend.Tokens,
            Percent = decimal.Round(reading.Percent, 2),
            ThresholdsReached = reading.Reached,
            State = reading.State,
            Reason = reading.Percent >= 100 ? reading.Reason : null,
            LiftedAt = reading.Lifted ? budget.LiftedAt : null,
            LiftedBy = reading.Lifted ? budget.LiftedBy : null,
            Forecast = forecast,
        };
    }
}
