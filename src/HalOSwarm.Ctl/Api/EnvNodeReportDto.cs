namespace HalOSwarm.Ctl.Api;

/// <summary>A project's environment on one node (<c>GET /api/v1/env/{project}</c>, <c>POST …/check</c>).</summary>
internal sealed record EnvNodeReportDto(
    string NodeId,
    bool NodeOnline,
    string? Verdict,
    DateTimeOffset? CheckedAt,
    string? CheckedBy,
    IReadOnlyList<EnvItemDto> Items,
    string? ErrorCode = null,
    string? Error = null);
