using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// Carries a decision out: re-reads the session right before a command (a prompt never goes to a busy session),
/// counts and persists the intervention before submitting (a restart mid-decision cannot act twice; the idempotency
/// key covers the submit itself), submits as <c>policy:NAME</c>, and records the <c>policy.NAME</c> event.
/// </summary>
internal sealed partial class PolicyExecutor(
    IPolicySessionSource sessions, PolicyStateStore store, ICommandService commands, ISupervisorEvents events, ILogger<PolicyExecutor> logger)
{
    private static readonly JsonElement s_noArgs = JsonDocument.Parse("{}").RootElement.Clone();

    public async Task ApplyAsync(IPolicy policy, PolicySession session, PolicyState state, PolicyDecision decision, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var data = decision.Event;
        if (decision.CommandType is null)
        {
            if (decision.CountsAttempt)
            {
                state.Intervened(now);
            }
            state.CapAlerted |= decision.Decision == PolicyDecisions.CapReached;
            policy.Applied(decision, state, now);
            await store.SaveAsync(state, cancellationToken);
            await RecordAsync(session, data, cancellationToken);
            return;
        }
        var fresh = await sessions.GetAsync(session.SessionId, cancellationToken);
        if (fresh is null || fresh.IsTerminal || (decision.NeedsQuietSession && !fresh.IsQuiet))
        {
            var status = fresh?.Status ?? "gone";
            await RecordAsync(session, data with
            {
                Decision = PolicyDecisions.Skipped,
                Reason = $"{data.Reason}; not sent: the session is {status} now",
                Status = status,
            }, cancellationToken);
            return;
        }
        if (decision.CountsAttempt)
        {
            state.Intervened(now);
        }
        var key = state.IdempotencyKey(state.Attempts) + (decision.CountsAttempt ? "" : ":" + decision.Decision);
        await store.SaveAsync(state, cancellationToken);
        try
        {
            var submission = new CommandSubmission(decision.CommandType, session.SessionId, null, null, s_noArgs, "policy:" + policy.Name, key);
            var command = await commands.SubmitAsync(submission, cancellationToken);
            state.PendingCommandId = CommandStates.IsTerminal(command.State) ? null : command.CommandId;
            policy.Applied(decision, state, now);
            await store.SaveAsync(state, cancellationToken);
            await RecordAsync(session, data with { CommandId = command.CommandId }, cancellationToken);
        }
        catch (CommandRejectedException ex)
        {
            await store.SaveAsync(state, cancellationToken);
            await RecordAsync(session, data with
            {
                Decision = PolicyDecisions.Skipped,
                Reason = $"{data.Reason}; the command was rejected ({ex.Code}): {ex.Message}",
            }, cancellationToken);
        }
    }

    /// <summary>resume_after_rate_limit noted a limit and when it will resume the session.</summary>
    public async Task RecordScheduledAsync(StoredEvent stored, PolicyState state, CancellationToken cancellationToken)
    {
        var data = new PolicyEventData(PolicyNames.ResumeAfterRateLimit, PolicyDecisions.Scheduled,
            $"stopped by a provider limit; resume at {state.ResumeAt:u}")
        {
            ResumeAt = state.ResumeAt,
            Attempts = state.Attempts,
        };
        LogDecision(logger, data.Policy, data.Decision, stored.SessionId!, null, data.Reason);
        await events.RecordAsync(EventTypes.PolicyPrefix + data.Policy, stored.NodeId, stored.SessionId, data,
            PolicyJsonContext.Default.PolicyEventData, cancellationToken);
    }

    private async Task RecordAsync(PolicySession session, PolicyEventData data, CancellationToken cancellationToken)
    {
        LogDecision(logger, data.Policy, data.Decision, session.SessionId, data.CommandId, data.Reason);
        await events.RecordAsync(EventTypes.PolicyPrefix + data.Policy, session.NodeId, session.SessionId, data,
            PolicyJsonContext.Default.PolicyEventData, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "policy.decision",
        Message = "Policy {policy} decided {decision} for session {session_id} (command {command_id}): {reason}")]
    private static partial void LogDecision(ILogger logger, string policy, string decision, string session_id, string? command_id, string reason);
}
