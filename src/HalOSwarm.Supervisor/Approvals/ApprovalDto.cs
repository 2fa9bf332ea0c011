namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// A permission request of an agent program. <see cref="Patterns"/> are the command or paths asked about;
/// <see cref="Reply"/> is what was sent back (null while pending); <see cref="CommandId"/> the <c>permission_reply</c> command.
/// </summary>
internal sealed record ApprovalDto(
    string ApprovalId,
    string NodeId,
    string? SessionId,
    string? Project,
    string PermissionId,
    string? Tool,
    string Permission,
    IReadOnlyList<string> Patterns,
    string Reason,
    DateTimeOffset AskedAt,
    string State,
    string? Reply,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    string? Rule,
    string? CommandId);
