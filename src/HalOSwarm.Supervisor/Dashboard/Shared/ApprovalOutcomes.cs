using HalOSwarm.Supervisor.Approvals;
using MudBlazor;

namespace HalOSwarm.Supervisor.Dashboard.Shared;

/// <summary>What an answer from the dashboard did, in the words <c>ApprovalsApi</c> uses for the same outcomes.</summary>
internal static class ApprovalOutcomes
{
    public static Severity Severity(ApprovalOutcome outcome) =>
        outcome.Approval is null || !outcome.Answered ? MudBlazor.Severity.Warning
        : outcome.Error is not null ? MudBlazor.Severity.Error
        : MudBlazor.Severity.Success;

    /// <param name="approvalId">The approval answered.</param>
    /// <param name="what">What it asked, for the reader (<c>bash of ses_1</c>).</param>
    /// <param name="reply">The reply sent: once, always or reject.</param>
    /// <param name="outcome">What the approval service did with it.</param>
    public static string Describe(string approvalId, string what, string reply, ApprovalOutcome outcome)
    {
        if (outcome.Approval is not { } approval)
        {
            return $"Approval {approvalId} ({what}) is gone.";
        }
        if (!outcome.Answered)
        {
            return $"Approval {approvalId} ({what}) was answered already ({approval.State} by {approval.AnsweredBy}).";
        }
        if (outcome.Error is { } error)
        {
            return $"Approval {approvalId} ({what}) is {approval.State}, but the agent did not take the answer: {error}";
        }
        var verb = reply switch
        {
            ApprovalReplies.Always => "Approved always",
            ApprovalReplies.Once => "Approved",
            _ => "Denied",
        };
        return $"{verb}: {what} ({approval.State}).";
    }
}
