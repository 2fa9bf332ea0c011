using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Security;
using MudBlazor;

namespace HalOSwarm.Supervisor.Dashboard.Shared;

/// <summary>
/// Answers a permission request from any dashboard page (the inbox, a session's transcript) exactly as
/// <c>POST /api/v1/approvals/{id}/approve|deny</c> does: the operator role checked on the server first, the same states,
/// audit actions and wait, the actor <c>token:NAME/dashboard</c>.
/// </summary>
internal sealed class DashboardApprovals(ApprovalService approvals, DashboardUser user)
{
    /// <summary>The outcome in words and how good it is; a refusal (role, ended sign-in) answers nothing.</summary>
    public async Task<(Severity Severity, string Text)> AnswerAsync(string approvalId, string what, string reply)
    {
        if (await user.AuthorizeAsync(SupervisorPolicies.Operator) is { } refused)
        {
            return (Severity.Error, $"Not answered: {refused}.");
        }
        var action = reply == ApprovalReplies.Reject ? "approval.deny" : "approval.approve";
        var outcome = await approvals.AnswerAsync(approvalId, reply, ApprovalStates.ForOperator(reply), await user.ActorAsync(), action,
            null, null, TimeSpan.FromSeconds(ApprovalsApi.AnswerWaitSec), CancellationToken.None);
        return (ApprovalOutcomes.Severity(outcome), ApprovalOutcomes.Describe(approvalId, what, reply, outcome));
    }
}
