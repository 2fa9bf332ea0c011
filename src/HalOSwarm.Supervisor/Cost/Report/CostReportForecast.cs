using HalOSwarm.Supervisor.Cost.Forecast;

namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>
/// Where spend is heading at the current rate, whatever the report's period: the fleet's rate and projected day and month
/// (<see cref="CostForecastSnapshot"/>), and each budget's spend in its current window with the time it will cross its
/// limit at its scope's rate (null: crossed already, no spend, or not before the window resets).
/// </summary>
internal sealed record CostReportForecast(CostForecastSnapshot Fleet, IReadOnlyList<CostReportBudgetForecast> Budgets);

/// <summary>One budget in <see cref="CostReportForecast"/>: the limit's unit is USD when <see cref="LimitUsd"/> is set, tokens otherwise.</summary>
internal sealed record CostReportBudgetForecast
{
    public required string Name { get; init; }
    public required string Scope { get; init; }
    public required string Window { get; init; }
    public decimal? LimitUsd { get; init; }
    public long? LimitTokens { get; init; }
    public decimal SpendUsd { get; init; }
    public long SpendTokens { get; init; }
    public decimal Percent { get; init; }
    public DateTimeOffset ResetsAt { get; init; }
    public decimal RatePerHour { get; init; }
    public DateTimeOffset? CrossingAt { get; init; }
    public bool WithinHorizon { get; init; }
}
