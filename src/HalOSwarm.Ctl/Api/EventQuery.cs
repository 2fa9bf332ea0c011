namespace HalOSwarm.Ctl.Api;

/// <summary>Filters of <c>GET /api/v1/events</c> and its stream.</summary>
internal sealed record EventQuery(
    string? SessionId = null,
    string? NodeId = null,
    string? Type = null,
    string? Since = null,
    string? Order = null,
    int? Limit = null)
{
    public QueryString ToQuery(string? cursor = null) => new QueryString()
        .Add("session_id", SessionId)
        .Add("node_id", NodeId)
        .Add("type", Type)
        .Add("since", Since)
        .Add("order", Order)
        .Add("limit", Limit)
        .Add("cursor", cursor);
}
