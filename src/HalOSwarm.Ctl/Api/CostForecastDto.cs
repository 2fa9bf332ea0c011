namespace HalOSwarm.Ctl.Api;

/// <summary>The cost report's forecast: the fleet at its current rate, and each budget's crossing.</summary>
internal sealed record CostForecastDto(CostFleetForecastDto Fleet, IReadOnlyList<CostBudgetForecastDto> Budgets);

/// <summary>The fleet's spend rate over the last <see cref="WindowMinutes"/> and where today and this month end at it.</summary>
internal sealed record CostFleetForecastDto(int WindowMinutes, decimal RateUsdPerHour, decimal SpentDayUsd, decimal ProjectedDayUsd,
    decimal SpentMonthUsd, decimal ProjectedMonthUsd);

/// <summary>A budget's spend in its current window and when it crosses its limit at its scope's rate.</summary>
internal sealed record CostBudgetForecastDto(string Name, string Scope, string Window, decimal? LimitUsd, long? LimitTokens, decimal SpendUsd,
    long SpendTokens, decimal Percent, DateTimeOffset ResetsAt, DateTimeOffset? CrossingAt, bool WithinHorizon);
