namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>
/// <c>GET /api/v1/cost</c>: spend of a period from the ledger, in total, per day on average and per group, and per
/// provider and UTC day next to what the provider billed. <c>cost_usd</c> everywhere is metered pay-per-token spend;
/// subscription logins' usage priced at the API rate is <c>equivalent_usd</c>, never added into it (docs/API.md).
/// </summary>
internal sealed record CostReport
{
    public required CostReportPeriod Period { get; init; }

    public required IReadOnlyList<string> GroupBy { get; init; }

    public required CostAmounts Totals { get; init; }

    public required CostDailyAverage DailyAverage { get; init; }

    /// <summary>Per group, by <c>cost_usd</c> then <c>equivalent_usd</c> descending; at most <c>limit</c>.</summary>
    public required IReadOnlyList<CostRow> Rows { get; init; }

    /// <summary>Groups beyond <c>limit</c>, left out of <see cref="Rows"/> (the totals include them).</summary>
    public required long RowsOmitted { get; init; }

    public required IReadOnlyList<ProviderReconciliation> Providers { get; init; }

    /// <summary>At the current spend rate: today, this month and each budget (about now, whatever the period).</summary>
    public CostReportForecast? Forecast { get; init; }
}
