using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Sessions;

internal static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/sessions");
        group.MapGet("/", ListAsync);
        group.MapGet("/{sessionId}", async (string sessionId, SessionQueries sessions, CancellationToken cancellationToken) =>
            await sessions.GetAsync(sessionId, cancellationToken) is { } session
                ? ApiResults.Ok(session, ApiJsonContext.Default.ApiEnvelopeSessionDto)
                : ApiErrors.NotFound($"no session '{sessionId}'"));
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, SessionQueries sessions, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var limit = query.Limit();
        var status = query.OneOf("status", [.. SessionStatuses.All]);
        var cursor = query.CursorKey();
        string? afterStarted = null, afterId = null;
        if (cursor is not null)
        {
            var bar = cursor.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0)
            {
                query.Add("cursor", "is not a cursor this API returned");
            }
            else
            {
                afterStarted = cursor[..bar];
                afterId = cursor[(bar + 1)..];
            }
        }
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        var filter = new SessionFilter(query.String("project"), status, query.String("node_id"), limit, afterStarted, afterId);
        var (page, hasMore) = await sessions.ListAsync(filter, cancellationToken);
        var meta = hasMore ? new ApiMeta { NextCursor = Cursor.Encode(SessionQueries.CursorKey(page[^1])) } : ApiMeta.Empty;
        return ApiResults.Ok(page, ApiJsonContext.Default.ApiEnvelopeIReadOnlyListSessionDto, meta);
    }
}
