using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// The graceful handover behind <c>restart</c>: prompt the handover text, wait (bounded) until that turn ends, kill the
/// session, start a new one in the same project with the after-handover prompt (on the same node, or for a migration
/// on the node <c>to_node</c> names or placement picks), and link the new session to the old one. Each step is a
/// command of its own whose parent is the restart.
/// </summary>
internal sealed partial class RestartWorkflow(
    CommandStore store,
    CommandDispatcher dispatcher,
    RestartQueries queries,
    CommandTargetResolver resolver,
    IAuditLog audit,
    IOptions<CommandsOptions> options,
    IOptions<CommandDeadlinesOptions> deadlines,
    IOptions<PromptsOptions> prompts,
    TimeProvider timeProvider,
    ILogger<RestartWorkflow> logger) : IAsyncDisposable
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(250);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    public void Start(CommandDto restart, ICommandService commands)
    {
        dispatcher.TrackExternal(restart.CommandId);
        _running[restart.CommandId] = Task.Run(async () =>
        {
            try
            {
                await RunAsync(restart, commands, _stopping.Token);
            }
            finally
            {
                _running.TryRemove(restart.CommandId, out _);
            }
        });
    }

    private async Task RunAsync(CommandDto restart, ICommandService commands, CancellationToken stopping)
    {
        var limit = deadlines.Value.For(CommandKinds.Restart);
        using var deadline = new CancellationTokenSource(limit, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, deadline.Token);
        var current = restart with { State = CommandStates.Accepted, Attempts = 1, Deadline = restart.CreatedAt + limit, UpdatedAt = timeProvider.GetUtcNow() };
        await store.UpdateAsync(current, CancellationToken.None);
        var oldSession = restart.SessionId!;
        try
        {
            // A migration decides where the successor starts before the session is touched: no node, no handover.
            var startNode = restart.NodeId;
            if (RestartTargets.ToNode(restart.Args) is { } toNode)
            {
                try
                {
                    startNode = await resolver.MigrationNodeAsync(restart.Project!, restart.NodeId, toNode, linked.Token);
                }
                catch (CommandRejectedException ex)
                {
                    throw new RestartStepException($"cannot migrate: {ex.Message}", CommandErrorCodes.UnknownProject);
                }
            }
            var marker = await queries.LastEventIdAsync(linked.Token);
            var handover = await StepAsync(commands, current, CommandTypes.Prompt, oldSession, null, null,
                new JsonObject { ["text"] = prompts.Value.Handover }, linked.Token);
            var idle = await WaitTurnEndedAsync(oldSession, marker, linked.Token);
            LogHandoverWritten(logger, restart.CommandId, oldSession, idle);
            var kill = await StepAsync(commands, current, CommandTypes.Kill, oldSession, null, null, new JsonObject(), linked.Token,
                CommandErrorCodes.UnknownSession);
            // The successor runs where and how its predecessor ran: same runtime, a fresh worktree if it had one.
            var (runtime, worktree) = await queries.StartShapeAsync(oldSession, linked.Token);
            var startArgs = new JsonObject { ["prompt"] = prompts.Value.AfterHandover };
            if (runtime is not null)
            {
                startArgs["runtime"] = runtime;
            }
            if (worktree)
            {
                startArgs["worktree"] = true;
            }
            var start = await StepAsync(commands, current, CommandTypes.Start, null, restart.Project, startNode, startArgs, linked.Token);
            var newSession = start.SessionId ?? throw new RestartStepException($"start {start.CommandId} returned no session id", CommandErrorCodes.RuntimeError);
            await LinkAsync(newSession, oldSession, linked.Token);
            var result = new RestartResult(newSession, oldSession, idle, handover.CommandId, kill.CommandId, start.CommandId, startNode);
            await EndAsync(current, CommandStates.Succeeded, JsonSerializer.SerializeToElement(result, ApiJsonContext.Default.RestartResult), null, null);
        }
        catch (RestartStepException ex)
        {
            await EndAsync(current, CommandStates.Failed, null, ex.Message, ex.ErrorCode);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await EndAsync(current, CommandStates.TimedOut, null, $"the handover did not finish within {limit.TotalSeconds:0} s", CommandErrorCodes.DeadlineExceeded);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The supervisor is stopping; the next start marks the restart as interrupted.
        }
        catch (Exception ex)
        {
            LogFailed(logger, restart.CommandId, ex);
            await EndAsync(current, CommandStates.Failed, null, $"the handover failed: {ex.Message}", CommandErrorCodes.RuntimeError);
        }
    }

    private async Task<CommandDto> StepAsync(ICommandService commands, CommandDto restart, string type, string? sessionId, string? project,
        string? nodeId, JsonObject args, CancellationToken cancellationToken, string? tolerated = null)
    {
        var remaining = (restart.Deadline ?? timeProvider.GetUtcNow()) - timeProvider.GetUtcNow();
        var submission = new CommandSubmission(type, sessionId, project, nodeId, JsonSerializer.SerializeToElement(args, AuditJsonContext.Default.JsonNode),
            restart.Actor, Wait: remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), ParentCommandId: restart.CommandId,
            CorrelationId: restart.CorrelationId);
        CommandDto step;
        try
        {
            step = await commands.SubmitAsync(submission, cancellationToken);
        }
        catch (CommandRejectedException ex)
        {
            throw new RestartStepException($"the {type} step was refused: {ex.Message}", CommandErrorCodes.InvalidArgs);
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (step.State != CommandStates.Succeeded && !(tolerated is not null && step.ErrorCode == tolerated))
        {
            throw new RestartStepException($"the {type} step ({step.CommandId}) ended {step.State}: {step.Error ?? "no reason given"}",
                step.ErrorCode ?? CommandErrorCodes.RuntimeError);
        }
        return step;
    }

    private async Task<bool> WaitTurnEndedAsync(string sessionId, long marker, CancellationToken cancellationToken)
    {
        var until = timeProvider.GetUtcNow() + options.Value.HandoverIdleTimeout;
        while (timeProvider.GetUtcNow() < until)
        {
            if (await queries.TurnEndedAsync(sessionId, marker, cancellationToken))
            {
                return true;
            }
            await Task.Delay(s_poll, timeProvider, cancellationToken);
        }
        return false;
    }

    private async Task LinkAsync(string sessionId, string parentSessionId, CancellationToken cancellationToken)
    {
        // The new session's row comes with its session.created event, which may trail the start result a little.
        while (!await queries.LinkAsync(sessionId, parentSessionId, cancellationToken))
        {
            await Task.Delay(s_poll, timeProvider, cancellationToken);
        }
    }

    private async Task EndAsync(CommandDto restart, string state, JsonElement? result, string? error, string? errorCode)
    {
        var now = timeProvider.GetUtcNow();
        var ended = restart with { State = state, Result = result, Error = error, ErrorCode = errorCode, UpdatedAt = now, FinishedAt = now };
        try
        {
            await store.UpdateAsync(ended, CancellationToken.None);
            await audit.CompleteCommandAsync(ended, CancellationToken.None);
        }
        finally
        {
            dispatcher.Finish(ended);
        }
        LogFinished(logger, ended.CommandId, ended.SessionId, state, error);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "restart.handover",
        Message = "Restart {command_id}: handover turn of session {session_id} ended: {ended}")]
    private static partial void LogHandoverWritten(ILogger logger, string command_id, string session_id, bool ended);

    [LoggerMessage(Level = LogLevel.Information, EventName = "restart.finished", Message = "Restart {command_id} of session {session_id} {state} {error}")]
    private static partial void LogFinished(ILogger logger, string command_id, string? session_id, string state, string? error);

    [LoggerMessage(Level = LogLevel.Error, EventName = "restart.failed", Message = "Restart {command_id} failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, string command_id, Exception exception);
}
