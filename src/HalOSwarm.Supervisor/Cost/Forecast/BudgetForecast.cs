namespace HalOSwarm.Supervisor.Cost.Forecast;

/// <summary>
/// A budget at its scope's current rate (USD or tokens per hour, the limit's unit): when it will cross its limit
/// (null: already crossed, no spend, or not before the window resets) and whether that is within
/// <c>cost.forecast.horizon_hours</c>.
/// </summary>
internal sealed record BudgetForecast(decimal RatePerHour, DateTimeOffset? CrossingAt, bool WithinHorizon);
