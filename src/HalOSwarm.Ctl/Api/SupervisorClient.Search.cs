namespace HalOSwarm.Ctl.Api;

/// <summary><c>/api/v1/search</c>: full-text search over the stored events (viewer).</summary>
internal sealed partial class SupervisorClient
{
    public Task<ApiPage<IReadOnlyList<SearchHitDto>>> SearchAsync(SearchQuery query, string? cursor, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/search" + query.ToQuery(cursor), null, CtlJsonContext.Default.IReadOnlyListSearchHitDto, null, cancellationToken);
}
