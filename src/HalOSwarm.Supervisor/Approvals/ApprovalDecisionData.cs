namespace HalOSwarm.Supervisor.Approvals;

/// <summary>Audit arguments of an answer to a permission request.</summary>
internal sealed record ApprovalDecisionData(string ApprovalId, string PermissionId, string? SessionId, string Reply, string? Rule,
    IReadOnlyList<string> Patterns);
