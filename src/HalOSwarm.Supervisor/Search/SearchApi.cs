using System.Globalization;
using HalOSwarm.Supervisor.Api;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Search;

/// <summary>
/// <c>GET /api/v1/search?q=&amp;project=&amp;session_id=&amp;node_id=&amp;since=&amp;until=&amp;limit=&amp;cursor=</c> (viewer): events
/// whose text matches every word and phrase of <c>q</c>, newest first, each with a highlighted snippet. A query that
/// breaks a rule of <see cref="SearchQuery"/> is 400 <c>invalid_query</c> naming the rule.
/// </summary>
internal static class SearchApi
{
    /// <summary>Most characters of a project, session or node id filter.</summary>
    public const int MaxFilterChars = 256;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/search", SearchAsync);
        return endpoints;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, ISearchQueries search, IOptions<SearchOptions> options, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return ApiErrors.Error(StatusCodes.Status503ServiceUnavailable, "search is switched off on this supervisor (search.enabled = false)", "search_disabled");
        }
        var query = new QueryReader(request.Query);
        var parsed = SearchQuery.TryParse(query.String("q"), out var terms, out var rule);
        var project = Filter(query, "project");
        var session = Filter(query, "session_id");
        var node = Filter(query, "node_id");
        var since = query.Time("since");
        var until = query.Time("until");
        if (since is not null && until is not null && until <= since)
        {
            query.Add("until", "must be later than since");
        }
        var limit = query.Limit(SearchRequest.DefaultLimit, SearchRequest.MaxLimit);
        long? before = null;
        if (query.CursorKey() is { } key)
        {
            if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                before = id;
            }
            else
            {
                query.Add("cursor", "is not a cursor this API returned");
            }
        }
        if (!parsed)
        {
            FieldError[] errors = [new FieldError("q", rule), .. query.Errors];
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "invalid query (q): " + rule, "invalid_query", new ApiErrorDetails { Errors = errors });
        }
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        var page = await search.SearchAsync(new SearchRequest
        {
            Query = terms,
            Project = project,
            SessionId = session,
            NodeId = node,
            Since = since,
            Until = until,
            Limit = limit,
            Before = before,
        }, cancellationToken);
        var meta = page.NextBefore is { } next ? new ApiMeta { NextCursor = Cursor.Encode(next.ToString(CultureInfo.InvariantCulture)) } : ApiMeta.Empty;
        return ApiResults.Ok(page.Hits, SearchJsonContext.Default.ApiEnvelopeIReadOnlyListSearchHit, meta);
    }

    private static string? Filter(QueryReader query, string name)
    {
        var value = query.String(name);
        if (value is not null && value.Length > MaxFilterChars)
        {
            query.Add(name, $"must be at most {MaxFilterChars} characters (was {value.Length})");
            return null;
        }
        return value;
    }
}
