using HalOSwarm.Supervisor.Approvals;

namespace HalOSwarm.Supervisor.Dashboard.Ops;

/// <summary>
/// What <see cref="ApprovalRow"/> shows of a pending request. Public only because Razor components are: a component's
/// parameter types must be as visible as the component, and <see cref="ApprovalDto"/> is internal.
/// </summary>
public sealed record ApprovalCard(
    string ApprovalId,
    string NodeId,
    string? SessionId,
    string? Project,
    string? Tool,
    string Permission,
    IReadOnlyList<string> Patterns,
    string Reason,
    DateTimeOffset AskedAt)
{
    internal static ApprovalCard From(ApprovalDto approval) => new(approval.ApprovalId, approval.NodeId, approval.SessionId, approval.Project,
        approval.Tool, approval.Permission, approval.Patterns, approval.Reason, approval.AskedAt);
}
