using System.Globalization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Events;

internal static class EventsApi
{
    private static readonly string[] s_orders = ["asc", "desc"];

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/events");
        group.MapGet("/", ListAsync);
        group.MapGet("/stream", EventStream.StreamAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, EventQueries events, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var filter = EventFilter.Read(query);
        var limit = query.Limit();
        var descending = query.OneOf("order", s_orders) == "desc";
        long? afterId = null;
        if (query.CursorKey() is { } key)
        {
            if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                afterId = id;
            }
            else
            {
                query.Add("cursor", "is not a cursor this API returned");
            }
        }
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        var (page, hasMore) = await events.ListAsync(filter, descending, afterId, limit, cancellationToken);
        var meta = hasMore ? new ApiMeta { NextCursor = Cursor.Encode(page[^1].Id.ToString(CultureInfo.InvariantCulture)) } : ApiMeta.Empty;
        return ApiResults.Ok(page, ApiJsonContext.Default.ApiEnvelopeIReadOnlyListStoredEvent, meta);
    }
}
