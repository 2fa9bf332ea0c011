namespace HalOSwarm.Supervisor.Cost.Forecast;

/// <summary>
/// The fleet's spend rate over the last <see cref="WindowMinutes"/> (from the start of the UTC hour they begin in, the
/// ledger's grain) and where today and this month end at that rate (local day and month of <c>cost.time_zone</c>).
/// </summary>
internal sealed record CostForecastSnapshot
{
    public required DateTimeOffset At { get; init; }
    public required int WindowMinutes { get; init; }
    public required decimal RateUsdPerHour { get; init; }
    public required decimal RateTokensPerHour { get; init; }
    public required decimal SpentDayUsd { get; init; }
    public required decimal ProjectedDayUsd { get; init; }
    public required decimal SpentMonthUsd { get; init; }
    public required decimal ProjectedMonthUsd { get; init; }
}
