using System.Text.Json;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Observability;
using Microsoft.Extensions.Options;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// The one way in for commands: resolves the target, checks and completes the arguments, stores the command
/// (idempotently), audits it, hands it to the dispatcher (or runs the restart handover) and waits if asked to. Gates
/// (<see cref="ICommandGate"/>) may refuse a command or hold it; a held command is stored but not sent until released.
/// </summary>
internal sealed partial class CommandService(
    CommandStore store,
    CommandDispatcher dispatcher,
    CommandTargetResolver resolver,
    RestartWorkflow restart,
    IAuditLog audit,
    IEnumerable<ICommandGate> gates,
    IOptions<PromptsOptions> prompts,
    IOptions<CommandsOptions> options,
    TimeProvider timeProvider,
    ILogger<CommandService> logger) : ICommandService
{
    private static readonly Func<ILogger, string, IDisposable?> s_scope = LoggerMessage.DefineScope<string>("correlation {correlation_id}");
    private readonly ICommandGate[] _gates = [.. gates];
    private static readonly JsonElement s_omitted = JsonDocument.Parse("""{"omitted":"over the size limit"}""").RootElement.Clone();

    public async Task<CommandDto> SubmitAsync(CommandSubmission submission, CancellationToken cancellationToken)
    {
        submission = submission with { CorrelationId = submission.CorrelationId ?? CorrelationIds.New() };
        using var scope = s_scope(logger, submission.CorrelationId);
        try
        {
            return await StoreAndWaitAsync(submission, cancellationToken);
        }
        catch (CommandRejectedException ex)
        {
            LogRejected(logger, submission.Type, submission.SessionId, submission.Project, ex.Message);
            // A refused request's args are audited only when they are within the size limit: a refusal must not store what it refused.
            var args = CommandArgs.SizeProblem(submission.Args, options.Value.MaxPromptBytes) is null ? submission.Args : s_omitted;
            await audit.RecordAsync(new AuditEntry(submission.Actor, $"command.{submission.Type}", ListFields.Shorten(submission.SessionId ?? submission.Project),
                args, "rejected", ex.Message, 0, submission.SourceAddress), CancellationToken.None);
            throw;
        }
    }

    public Task<CommandDto?> GetAsync(string commandId, CancellationToken cancellationToken) => store.GetAsync(commandId, cancellationToken);

    private async Task<CommandDto> StoreAndWaitAsync(CommandSubmission submission, CancellationToken cancellationToken)
    {
        if (!CommandKinds.IsKnown(submission.Type))
        {
            throw new CommandRejectedException("invalid_request", $"type: must be one of {string.Join(", ", CommandKinds.All)} (was '{BoundedText.Cut(submission.Type, 64, "…")}')");
        }
        if (SubmissionCheck.Problem(submission) is { } problem)
        {
            throw new CommandRejectedException("invalid_request", $"{problem.Field}: {problem.Message}");
        }
        var target = await resolver.ResolveAsync(submission, cancellationToken);
        var args = CommandArgs.Build(submission.Type, submission.Args, target, prompts.Value, options.Value.MaxPromptBytes);
        if (submission.Type == CommandKinds.Restart && RestartTargets.ToNode(args) is { } toNode)
        {
            // refused now if the session cannot move there; where "auto" lands is decided when the restart runs
            await resolver.MigrationNodeAsync(target.Project!, target.NodeId, toNode, cancellationToken);
        }
        var verdict = await CheckGatesAsync(submission.Type, target, cancellationToken);
        if (verdict is { Hold: false })
        {
            throw new CommandRejectedException(verdict.Code, verdict.Reason);
        }
        var now = timeProvider.GetUtcNow();
        var command = new CommandDto($"cmd_{Guid.CreateVersion7():N}", submission.Type, target.NodeId, target.SessionId, target.Project, args,
            verdict is null ? CommandStates.Pending : CommandStates.Held, null, verdict?.Reason, null, now, now, submission.Actor,
            submission.IdempotencyKey, ParentCommandId: submission.ParentCommandId, CorrelationId: submission.CorrelationId);
        dispatcher.TrackExternal(command.CommandId); // before the insert, so a concurrent replay of the key can wait on it
        CommandDto stored;
        bool created;
        try
        {
            (stored, created) = await store.InsertAsync(command, submission.SourceAddress, cancellationToken);
        }
        catch
        {
            dispatcher.Finish(command);
            throw;
        }
        Task audited = Task.CompletedTask;
        if (created)
        {
            // Queued before the command is handed on, so the writer stores the entry before any later state of the
            // command completes it; not awaited here, so delivery does not wait one more commit.
            audited = audit.RecordAsync(new AuditEntry(submission.Actor, $"command.{submission.Type}", target.SessionId ?? target.Project,
                args, stored.State, stored.Error, null, submission.SourceAddress, stored.CommandId), CancellationToken.None);
            LogStored(logger, stored.CommandId, stored.Type, stored.NodeId, stored.SessionId, stored.Actor, stored.CorrelationId);
            if (stored.State == CommandStates.Held)
            {
                dispatcher.Finish(stored);
                LogHeld(logger, stored.CommandId, stored.Type, stored.SessionId, stored.Error!);
            }
            else if (stored.Type == CommandKinds.Restart)
            {
                restart.Start(stored, this);
            }
            else
            {
                dispatcher.Track(stored);
            }
        }
        else
        {
            dispatcher.Finish(command);
            LogReplayed(logger, stored.CommandId, submission.IdempotencyKey!, stored.State);
        }
        var outcome = await dispatcher.WaitAsync(stored.CommandId, submission.Wait, cancellationToken) ?? stored;
        await audited;
        return outcome;
    }

    /// <summary>Sends a held command after all (its gate no longer holds it): pending again, handed to the dispatcher.</summary>
    public async Task<CommandDto> ReleaseHeldAsync(CommandDto held, CancellationToken cancellationToken)
    {
        var released = held with { State = CommandStates.Pending, Error = null, UpdatedAt = timeProvider.GetUtcNow() };
        await store.UpdateAsync(released, cancellationToken);
        LogReleased(logger, released.CommandId, released.Type, released.SessionId);
        dispatcher.Track(released);
        return released;
    }

    private async Task<CommandGateVerdict?> CheckGatesAsync(string type, ResolvedTarget target, CancellationToken cancellationToken)
    {
        CommandGateVerdict? hold = null;
        foreach (var gate in _gates)
        {
            switch (await gate.CheckAsync(type, target, cancellationToken))
            {
                case { Hold: false } refusal:
                    return refusal;
                case { } verdict:
                    hold ??= verdict;
                    break;
            }
        }
        return hold;
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.held",
        Message = "Held command {command_id} ({type}) for session {session_id}: {reason}")]
    private static partial void LogHeld(ILogger logger, string command_id, string type, string? session_id, string reason);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.released",
        Message = "Released held command {command_id} ({type}) for session {session_id}")]
    private static partial void LogReleased(ILogger logger, string command_id, string type, string? session_id);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.stored",
        Message = "Stored command {command_id} ({type}) for node {node_id}, session {session_id}, by {actor}, correlation {correlation_id}")]
    private static partial void LogStored(ILogger logger, string command_id, string type, string node_id, string? session_id, string actor, string? correlation_id);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.replayed",
        Message = "Idempotency key {key} already names command {command_id} ({state}); returned it")]
    private static partial void LogReplayed(ILogger logger, string command_id, string key, string state);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.rejected",
        Message = "Rejected {type} command for session {session_id} / project {project}: {reason}")]
    private static partial void LogRejected(ILogger logger, string type, string? session_id, string? project, string reason);
}
