namespace HalOSwarm.Ctl.Api;

/// <summary><c>GET /api/v1/cost</c>: a period's spend in total, per day on average, per group, and per provider next to what it billed.</summary>
internal sealed record CostReportDto(
    CostPeriodDto Period,
    IReadOnlyList<string> GroupBy,
    CostAmountsDto Totals,
    CostDailyAverageDto DailyAverage,
    IReadOnlyList<CostRowDto> Rows,
    long RowsOmitted,
    IReadOnlyList<ProviderReconciliationDto> Providers,
    CostForecastDto? Forecast = null);
