namespace HalOSwarm.Ctl.Api;

/// <summary>A permission request of an agent program, as the supervisor holds it.</summary>
internal sealed record ApprovalDto(
    string ApprovalId,
    string? NodeId,
    string? SessionId,
    string? Project,
    string? PermissionId,
    string? Tool,
    string? Permission,
    IReadOnlyList<string>? Patterns,
    string? Reason,
    DateTimeOffset? AskedAt,
    string State,
    string? Reply,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    string? Rule,
    string? CommandId);
