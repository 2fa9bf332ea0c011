using HalOSwarm.Supervisor.Approvals;
using MudBlazor;

namespace HalOSwarm.Supervisor.Dashboard.Ops;

/// <summary>What an answer from the dashboard did, in the words <c>ApprovalsApi</c> uses for the same outcomes.</summary>
internal static class ApprovalOutcomes
{
    public static Severity Severity(ApprovalOutcome outcome) =>
        outcome.Approval is null || !outcome.Answered ? MudBlazor.Severity.Warning
        : outcome.Error is not null ? MudBlazor.Severity.Error
        : MudBlazor.Severity.Success;

    public static string Describe(ApprovalDto asked, string reply, ApprovalOutcome outcome)
    {
        var what = $"{asked.Tool ?? asked.Permission} of {asked.SessionId ?? asked.NodeId}";
        if (outcome.Approval is not { } approval)
        {
            return $"Approval {asked.ApprovalId} ({what}) is gone.";
        }
        if (!outcome.Answered)
        {
            return $"Approval {asked.ApprovalId} ({what}) was answered already ({approval.State} by {approval.AnsweredBy}).";
        }
        if (outcome.Error is { } error)
        {
            return $"Approval {asked.ApprovalId} ({what}) is {approval.State}, but the agent did not take the answer: {error}";
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
