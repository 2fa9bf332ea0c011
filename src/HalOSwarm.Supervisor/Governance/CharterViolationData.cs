namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// The data of a <c>charter.violation</c> event: the rule's config key (<see cref="Rule"/>), what kind of rule
/// (<see cref="CharterViolationKinds"/>), where, and what happened (<see cref="Detail"/>: the count, the command, the approval).
/// </summary>
internal sealed record CharterViolationData(
    string Rule,
    string Kind,
    string? NodeId,
    string? Project,
    string? SessionId,
    string Detail,
    string? ApprovalId = null,
    string? CommandType = null);
