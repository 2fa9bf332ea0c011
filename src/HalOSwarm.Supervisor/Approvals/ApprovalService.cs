using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// Answers permission requests — for an operator, a config rule or the timeout alike: marks the request answered
/// (once; a second answer changes nothing), sends <c>permission_reply</c> to the agent through
/// <see cref="ICommandService"/> and writes an <c>approval.*</c> audit entry.
/// </summary>
internal sealed partial class ApprovalService(
    ApprovalStore store,
    ICommandService commands,
    IAuditLog audit,
    TimeProvider timeProvider,
    ILogger<ApprovalService> logger)
{
    /// <summary>
    /// Answers <paramref name="approvalId"/> with <paramref name="reply"/>, giving it <paramref name="state"/>;
    /// <paramref name="action"/> names the audit action (<c>approval.approve</c>, <c>approval.auto</c>…).
    /// </summary>
    public async Task<ApprovalOutcome> AnswerAsync(string approvalId, string reply, string state, string actor, string action, string? rule,
        string? sourceAddress, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(approvalId, cancellationToken) is not { } approval)
        {
            return new ApprovalOutcome(null, false, null, null);
        }
        var started = timeProvider.GetTimestamp();
        if (!await store.AnswerAsync(approvalId, state, reply, actor, timeProvider.GetUtcNow(), rule, cancellationToken))
        {
            return new ApprovalOutcome(await store.GetAsync(approvalId, cancellationToken), false, null, null);
        }
        var args = JsonSerializer.SerializeToElement(new PermissionReplyArgs(approval.PermissionId, reply), ApprovalsJsonContext.Default.PermissionReplyArgs);
        CommandDto? command = null;
        string? error = null;
        if (approval.SessionId is null)
        {
            error = "the request names no session, so there is nowhere to send the answer";
        }
        else
        {
            try
            {
                command = await commands.SubmitAsync(new CommandSubmission(CommandTypes.PermissionReply, approval.SessionId, null, null, args, actor,
                    IdempotencyKey: "approval:" + approvalId, Wait: wait, SourceAddress: sourceAddress), cancellationToken);
                await store.SetCommandAsync(approvalId, command.CommandId, CancellationToken.None);
                error = command.State is CommandStates.Failed or CommandStates.TimedOut or CommandStates.Cancelled
                    ? command.Error ?? command.ErrorCode ?? command.State
                    : null;
            }
            catch (CommandRejectedException ex)
            {
                error = ex.Message;
            }
        }
        LogAnswered(logger, approvalId, approval.SessionId, reply, state, actor, error);
        var decision = new ApprovalDecisionData(approvalId, approval.PermissionId, approval.SessionId, reply, rule, approval.Patterns);
        await audit.RecordAsync(new AuditEntry(actor, action, approvalId,
            JsonSerializer.SerializeToElement(decision, ApprovalsJsonContext.Default.ApprovalDecisionData),
            error is null ? state : "failed", error, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds, sourceAddress, command?.CommandId),
            CancellationToken.None);
        return new ApprovalOutcome(await store.GetAsync(approvalId, CancellationToken.None), true, command, error);
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "approval.answered",
        Message = "Approval {approval_id} of session {session_id} answered {reply} ({state}) by {actor}; send error: {error}")]
    private static partial void LogAnswered(ILogger logger, string approval_id, string? session_id, string reply, string state, string actor, string? error);
}
