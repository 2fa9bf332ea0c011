using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Cost;
using HalOSwarm.Supervisor.Cost.Budgets;
using HalOSwarm.Supervisor.Cost.Forecast;
using HalOSwarm.Supervisor.Cost.Report;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Dashboard.Ops;

/// <summary>
/// What the cost page shows, read in-process the way <c>GET /api/v1/cost</c> reads it (<see cref="CostReportBuilder"/> with
/// <see cref="CostReportRequest"/>'s checks): one ledger read grouped by every dimension the page offers, summed per
/// dimension here; spend per UTC day, metered next to billed, from the providers' reconciliation; the fleet forecast; and
/// each budget with its thresholds, state and forecast (<see cref="BudgetViews"/>, as <c>GET /api/v1/budgets</c>).
/// </summary>
internal sealed record CostPageData(
    CostReport Report,
    IReadOnlyDictionary<string, IReadOnlyList<CostSlice>> By,
    IReadOnlyList<CostDay> Days,
    CostForecastSnapshot Fleet,
    IReadOnlyList<BudgetView> Budgets)
{
    /// <summary>The dimensions the page groups by, in the order of its selector.</summary>
    public static readonly string[] Dimensions = [CostDimensions.Project, CostDimensions.Model, CostDimensions.Provider, CostDimensions.Node];

    /// <summary>Checks the period like the API (<c>period</c>, <c>from</c>, <c>to</c>); null with <paramref name="errors"/> when it is wrong.</summary>
    public static CostReportRequest? Request(string period, string? from, string? to, CostCalendar calendar, DateTimeOffset now, out string? errors)
    {
        var query = OpsQuery.Read(("period", period), ("from", period == CostPeriods.Custom ? from : null), ("to", period == CostPeriods.Custom ? to : null),
            ("group_by", string.Join(',', Dimensions)), ("limit", CostReportRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var request = CostReportRequest.Read(query, calendar, now);
        errors = query.HasErrors ? OpsQuery.Describe(query) : null;
        return request;
    }

    public static async Task<CostPageData> LoadAsync(CostReportRequest request, IDatabase database, CostCalendar calendar, IProviderBilling billing,
        CostForecast forecast, BudgetStore budgets, BudgetViews views, ILogger logger, CancellationToken cancellationToken)
    {
        var report = await CostReportBuilder.BuildAsync(request, database, calendar, billing, logger, cancellationToken);
        var by = Dimensions.ToDictionary(d => d, d => Slice(report.Rows, d), StringComparer.Ordinal);
        var days = report.Providers.SelectMany(p => p.Days).GroupBy(d => d.Date).OrderBy(g => g.Key)
            .Select(g => new CostDay(g.Key, g.Sum(d => d.MeteredUsd), g.Any(d => d.BilledUsd is not null) ? g.Sum(d => d.BilledUsd ?? 0m) : null))
            .ToList();
        var list = new List<BudgetView>();
        foreach (var budget in budgets.All)
        {
            list.Add(await views.ViewAsync(budget, cancellationToken));
        }
        return new CostPageData(report, by, days, await forecast.GetAsync(cancellationToken), list);
    }

    private static IReadOnlyList<CostSlice> Slice(IReadOnlyList<CostRow> rows, string dimension) => [.. rows
        .GroupBy(r => Key(r, dimension) ?? "(none)", StringComparer.Ordinal)
        .Select(g => new CostSlice(g.Key, g.Sum(r => r.CostUsd), g.Sum(r => r.EquivalentUsd), g.Sum(r => r.Tokens.Total), g.Sum(r => r.Messages)))
        .OrderByDescending(s => s.CostUsd).ThenByDescending(s => s.EquivalentUsd).ThenBy(s => s.Name, StringComparer.Ordinal)];

    private static string? Key(CostRow row, string dimension) => dimension switch
    {
        CostDimensions.Project => row.Project,
        CostDimensions.Model => row.Model,
        CostDimensions.Provider => row.Provider,
        _ => row.NodeId,
    };
}
