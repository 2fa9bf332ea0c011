using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Cost.Budgets;
using HalOSwarm.Supervisor.Cost.Forecast;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>
/// <c>GET /api/v1/cost?period=today|week|month|custom&amp;from&amp;to&amp;group_by&amp;limit</c> (viewer): the ledger's spend
/// of a period of <c>cost.time_zone</c>, and per provider and UTC day what we metered next to what it billed.
/// </summary>
internal static class CostApi
{
    public static IEndpointRouteBuilder MapCostApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cost", GetAsync);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(HttpRequest request, IDatabase database, CostCalendar calendar, IProviderBilling billing,
        CostForecast forecast, BudgetStore budgets, BudgetViews views, TimeProvider time, ILogger<CostReport> logger, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        if (CostReportRequest.Read(query, calendar, time.GetUtcNow()) is not { } parsed)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        var report = await CostReportBuilder.BuildAsync(parsed, database, calendar, billing, logger, cancellationToken);
        report = report with { Forecast = await ForecastAsync(forecast, budgets, views, cancellationToken) };
        return ApiResults.Ok(report, CostJsonContext.Default.ApiEnvelopeCostReport);
    }

    private static async Task<CostReportForecast> ForecastAsync(CostForecast forecast, BudgetStore budgets, BudgetViews views, CancellationToken cancellationToken)
    {
        var list = new List<CostReportBudgetForecast>();
        foreach (var budget in budgets.All)
        {
            var view = await views.ViewAsync(budget, cancellationToken);
            list.Add(new CostReportBudgetForecast
            {
                Name = view.Name,
                Scope = view.Scope,
                Window = view.Window,
                LimitUsd = view.LimitUsd,
                LimitTokens = view.LimitTokens,
                SpendUsd = view.SpendUsd,
                SpendTokens = view.SpendTokens,
                Percent = view.Percent,
                ResetsAt = view.ResetsAt,
                RatePerHour = view.Forecast.RatePerHour,
                CrossingAt = view.Forecast.CrossingAt,
                WithinHorizon = view.Forecast.WithinHorizon,
            });
        }
        return new CostReportForecast(await forecast.GetAsync(cancellationToken), list);
    }
}
