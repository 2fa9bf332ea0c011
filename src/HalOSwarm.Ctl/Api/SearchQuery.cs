namespace HalOSwarm.Ctl.Api;

/// <summary>Parameters of <c>GET /api/v1/search</c>; times are ISO 8601.</summary>
internal sealed record SearchQuery(
    string Text,
    string? Project = null,
    string? SessionId = null,
    string? NodeId = null,
    string? Since = null,
    string? Until = null,
    int? Limit = null)
{
    public QueryString ToQuery(string? cursor = null) => new QueryString()
        .Add("q", Text)
        .Add("project", Project)
        .Add("session_id", SessionId)
        .Add("node_id", NodeId)
        .Add("since", Since)
        .Add("until", Until)
        .Add("limit", Limit)
        .Add("cursor", cursor);
}
