using HalOSwarm.Supervisor.Approvals;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// The charter's tool rules, consulted by the approvals watcher before <c>approvals.rules</c>: the first rule of the
/// session's project (then the fleet default's) that matches the request decides — <c>deny</c> rejects it at once (and
/// records a <c>charter.violation</c>), <c>allow</c> approves it once, <c>ask</c> leaves it for a person. The approval and
/// its audit entry name the rule (<c>charter.projects.demo.tools[0]</c>). This holds for every runtime whose permission
/// prompts come in as <c>permission.asked</c> (opencode, Claude Code, Codex).
/// </summary>
internal sealed class CharterApprovalRules(CharterBook book, CharterViolations violations) : IApprovalRuleSource
{
    public async Task<ApprovalRuleVerdict?> MatchAsync(ApprovalDto approval, IReadOnlyList<string> patterns, CancellationToken cancellationToken)
    {
        if (book.For(approval.Project).Match(approval.Tool, approval.Permission, patterns) is not { } rule)
        {
            return null;
        }
        switch (rule.Action)
        {
            case CharterActions.Deny:
                await violations.RecordAsync(new CharterViolationData(rule.Key, CharterViolationKinds.ToolDenied, approval.NodeId, approval.Project,
                    approval.SessionId, $"{rule.Action} {rule.Tool ?? "any tool"} '{rule.Pattern}': {approval.Reason}", approval.ApprovalId), cancellationToken);
                return new ApprovalRuleVerdict(rule.Key, ApprovalReplies.Reject, CharterViolations.Actor);
            case CharterActions.Allow:
                return new ApprovalRuleVerdict(rule.Key, ApprovalReplies.Once, CharterViolations.Actor);
            default:
                return new ApprovalRuleVerdict(rule.Key, null, CharterViolations.Actor);
        }
    }
}
