namespace HalOSwarm.Ctl.Api;

/// <summary>Filters of <c>GET /api/v1/commands</c>.</summary>
internal sealed record CommandQuery(string? SessionId = null, string? State = null, string? NodeId = null, string? Type = null, int? Limit = null)
{
    public QueryString ToQuery(string? cursor = null) => new QueryString()
        .Add("session_id", SessionId)
        .Add("state", State)
        .Add("node_id", NodeId)
        .Add("type", Type)
        .Add("limit", Limit)
        .Add("cursor", cursor);
}
