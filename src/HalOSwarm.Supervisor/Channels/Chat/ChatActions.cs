using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Tokens;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// A click on an alert's button, the same from every platform: role check (operator; a refusal is audited as
/// <c>chat.ACTION</c>, <c>forbidden</c>), claim (<see cref="IAlertBook.ClaimAsync"/>: one click acts, a second one says
/// who answered, when and from where), act (an approval answered through <see cref="ApprovalService"/>, a command through
/// <see cref="ICommandService"/>, with the caller as actor, each audited there), complete with the outcome in words.
/// </summary>
internal sealed partial class ChatActions(
    ChatAccess access,
    ChatSecrets secrets,
    IAlertBook book,
    ApprovalService approvals,
    ICommandService commands,
    IAuditLog audit,
    ILogger<ChatActions> logger) : IChatActions
{
    public async Task<ChatActionResult> ClickAsync(ChatCaller caller, string buttonId, CancellationToken cancellationToken)
    {
        var result = await AnswerAsync(caller, buttonId, cancellationToken);
        return result with { Text = secrets.Clean(result.Text) };
    }

    private async Task<ChatActionResult> AnswerAsync(ChatCaller caller, string buttonId, CancellationToken cancellationToken)
    {
        if (!AlertButtonId.TryParse(buttonId, out var action, out var alertId))
        {
            return new ChatActionResult("That button is not one this supervisor made; nothing was done.", null, false);
        }
        var identity = access.Resolve(caller);
        if (!ChatAccess.Allows(identity.Role, TokenRoles.Operator))
        {
            LogForbidden(logger, caller.Actor, action, alertId);
            await audit.RecordAsync(new AuditEntry(caller.Actor, "chat." + action, "alert:" + alertId, null, "forbidden",
                identity.Role is null ? "not in channels.users" : $"needs {TokenRoles.Operator}, has {identity.Role}"), CancellationToken.None);
            return new ChatActionResult(ChatAccess.Refusal(caller, identity, Doing(action), TokenRoles.Operator),
                await book.GetAsync(alertId, cancellationToken), false);
        }
        var platform = ChatPlatforms.DisplayName(caller.Platform);
        var claim = await book.ClaimAsync(alertId, action, caller.Actor, identity.Name, platform, cancellationToken);
        if (claim.Alert is not { } alert)
        {
            return new ChatActionResult("That alert is no longer known; nothing was done.", null, false);
        }
        if (!claim.Claimed)
        {
            return new ChatActionResult(AlreadyAnswered(alert.Answer), alert, false);
        }
        // Claimed: whatever happens now must complete the alert, or it would stay claimed with no outcome.
        var (outcome, acted) = await ActAsync(caller, identity, action, alert, cancellationToken);
        outcome = secrets.Clean(outcome);
        LogActed(logger, caller.Actor, action, alertId, outcome);
        var now = await book.CompleteAsync(alertId, outcome, CancellationToken.None);
        return new ChatActionResult(Sentence(outcome), now, acted);
    }

    private async Task<(string Outcome, bool Acted)> ActAsync(ChatCaller caller, ChatIdentity identity, string action, Alert alert, CancellationToken cancellationToken)
    {
        var by = $"{identity.Name} ({ChatPlatforms.DisplayName(caller.Platform)})";
        try
        {
            return action switch
            {
                AlertActions.Approve => await AnswerAsync(caller, alert, ApprovalReplies.Once, "approval.approve", $"approved once by {by}", cancellationToken),
                AlertActions.Always => await AnswerAsync(caller, alert, ApprovalReplies.Always, "approval.approve", $"approved always by {by}", cancellationToken),
                AlertActions.Deny => await AnswerAsync(caller, alert, ApprovalReplies.Reject, "approval.deny", $"denied by {by}", cancellationToken),
                _ => await CommandAsync(caller, alert, action, by, cancellationToken),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, caller.Actor, action, alert.AlertId);
            return ("failed: an internal error (see the supervisor's log)", false);
        }
        catch (OperationCanceledException)
        {
            return ("failed: the supervisor stopped before it was done", false);
        }
    }

    private async Task<(string, bool)> AnswerAsync(ChatCaller caller, Alert alert, string reply, string auditAction, string done, CancellationToken cancellationToken)
    {
        if (alert.ApprovalId is not { } approvalId)
        {
            return ("failed: this alert asks about no permission request", false);
        }
        var outcome = await approvals.AnswerAsync(approvalId, reply, ApprovalStates.ForOperator(reply), caller.Actor, auditAction, null, null,
            ChatLimits.ActionWait, cancellationToken);
        if (outcome.Approval is not { } approval)
        {
            return ("failed: the permission request is no longer known", false);
        }
        if (!outcome.Answered)
        {
            return ($"answered elsewhere: {approval.State.Replace('_', ' ')} by {approval.AnsweredBy ?? "someone"}", false);
        }
        return outcome.Error is { } error ? ($"{done}, but the agent did not take the answer: {ChatText.Clip(ChatText.OneLine(error), 200)}", true) : (done, true);
    }

    private async Task<(string, bool)> CommandAsync(ChatCaller caller, Alert alert, string action, string by, CancellationToken cancellationToken)
    {
        if (alert.SessionId is not { } sessionId)
        {
            return ("failed: this alert names no session", false);
        }
        var type = action switch
        {
            AlertActions.Resume => CommandKinds.Resume,
            AlertActions.Restart => CommandKinds.Restart,
            _ => CommandTypes.Kill,
        };
        try
        {
            var command = await commands.SubmitAsync(new CommandSubmission(type, sessionId, null, null, default, caller.Actor, Wait: ChatLimits.ActionWait),
                cancellationToken);
            var done = action switch
            {
                AlertActions.Resume => "resumed",
                AlertActions.Restart => "restarted",
                _ => "killed",
            };
            return command.State switch
            {
                CommandStates.Succeeded => ($"{done} by {by}", true),
                CommandStates.Held => ($"{action} by {by} is held: {command.Error}", true),
                CommandStates.Failed or CommandStates.TimedOut or CommandStates.Cancelled => ($"{action} by {by} {ChatCommandOutcome.Failure(command)}", true),
                _ => ($"{action} sent by {by}; the agent has not answered yet", true),
            };
        }
        catch (CommandRejectedException ex)
        {
            return ($"failed: {ChatText.Clip(ChatText.OneLine(ex.Message), 200)}", false);
        }
    }

    private static string AlreadyAnswered(AlertAnswer? answer) => answer switch
    {
        null => "Someone else is answering this alert right now; nothing was done.",
        { Outcome.Length: 0 } => $"{answer.By} is answering this alert right now (from {answer.Platform}, {ChatText.Time(answer.At)}); nothing was done.",
        _ => $"Already answered by {answer.By} from {answer.Platform} at {ChatText.Time(answer.At)}: {answer.Outcome}. Nothing was done.",
    };

    private static string Sentence(string outcome) => char.ToUpperInvariant(outcome[0]) + outcome[1..] + ".";

    private static string Doing(string action) => action switch
    {
        AlertActions.Approve or AlertActions.Always => "approve permission requests",
        AlertActions.Deny => "deny permission requests",
        _ => $"{action} sessions",
    };
}
