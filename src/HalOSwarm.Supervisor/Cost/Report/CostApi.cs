using HalOSwarm.Supervisor.Api;
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

    private static async Task<IResult> GetAsync(HttpRequest request, SqliteDatabase database, CostCalendar calendar, IProviderBilling billing,
        TimeProvider time, ILogger<CostReport> logger, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        if (CostReportRequest.Read(query, calendar, time.GetUtcNow()) is not { } parsed)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        var report = await CostReportBuilder.BuildAsync(parsed, database, calendar, billing, logger, cancellationToken);
        return ApiResults.Ok(report, CostJsonContext.Default.ApiEnvelopeCostReport);
    }
}
