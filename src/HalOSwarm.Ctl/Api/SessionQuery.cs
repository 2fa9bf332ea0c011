namespace HalOSwarm.Ctl.Api;

/// <summary>Filters of <c>GET /api/v1/sessions</c>.</summary>
internal sealed record SessionQuery(string? Project = null, string? Status = null, string? NodeId = null, int? Limit = null)
{
    public QueryString ToQuery(string? cursor = null) => new QueryString()
        .Add("project", Project)
        .Add("status", Status)
        .Add("node_id", NodeId)
        .Add("limit", Limit)
        .Add("cursor", cursor);
}
