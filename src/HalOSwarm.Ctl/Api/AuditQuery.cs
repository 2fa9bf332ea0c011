namespace HalOSwarm.Ctl.Api;

/// <summary>Filters of <c>GET /api/v1/audit</c>; times are ISO 8601.</summary>
internal sealed record AuditQuery(
    string? Actor = null,
    string? Action = null,
    string? Target = null,
    string? Since = null,
    string? Until = null,
    int? Limit = null)
{
    public QueryString ToQuery(string? cursor = null) => new QueryString()
        .Add("actor", Actor)
        .Add("action", Action)
        .Add("target", Target)
        .Add("since", Since)
        .Add("until", Until)
        .Add("limit", Limit)
        .Add("cursor", cursor);
}
