namespace HalOSwarm.Ctl.Api;

/// <summary>A budget's forecast: its scope's rate per hour (in the limit's unit) and when it will cross the limit at that rate.</summary>
internal sealed record BudgetForecastDto(decimal RatePerHour, DateTimeOffset? CrossingAt, bool WithinHorizon);
