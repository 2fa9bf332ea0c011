namespace HalOSwarm.Ctl.Api;

/// <summary>A token as <c>GET /api/v1/tokens</c> lists it (never its secret).</summary>
internal sealed record TokenDto(
    string Id,
    string Name,
    string Kind,
    string? Role,
    string? NodeId,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    int RefusedHellos);
