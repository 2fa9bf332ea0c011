using System.Globalization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Audit;

/// <summary><c>GET /api/v1/audit</c>: newest first, filtered by actor, action, target and time.</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/audit", ListAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, AuditStore store, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        long? beforeId = null;
        if (query.CursorKey() is { } key)
        {
            if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                beforeId = id;
            }
            else
            {
                query.Add("cursor", "is not a cursor this API returned");
            }
        }
        var filter = new AuditFilter(query.String("actor"), query.String("action"), query.String("target"), query.Time("since"), query.Time("until"),
            query.Limit(), beforeId);
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        var (page, hasMore) = await store.ListAsync(filter, cancellationToken);
        var meta = hasMore ? new ApiMeta { NextCursor = Cursor.Encode(page[^1].Id.ToString(CultureInfo.InvariantCulture)) } : ApiMeta.Empty;
        IReadOnlyList<AuditRecord> shown = [.. page.Select(r => r with { Args = ListFields.Shorten(r.Args), Error = ListFields.Shorten(r.Error) })];
        return ApiResults.Ok(shown, ApiJsonContext.Default.ApiEnvelopeIReadOnlyListAuditRecord, meta);
    }
}
