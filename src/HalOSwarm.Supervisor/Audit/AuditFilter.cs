namespace HalOSwarm.Supervisor.Audit;

/// <summary>
/// Filters of <c>GET /api/v1/audit</c>; newest first, the cursor is the id of the last entry returned. <see cref="Result"/>
/// (an exact result such as <c>failed</c>) is the dashboard's audit page's filter.
/// </summary>
internal sealed record AuditFilter(
    string? Actor,
    string? Action,
    string? Target,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    int Limit,
    long? BeforeId,
    string? Result = null);
