using System.Globalization;
using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Commands;

internal sealed partial class CommandDispatcher
{
    private async Task LoadOpenAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        foreach (var command in await _store.ListOpenAsync(null, cancellationToken))
        {
            _completions.TryAdd(command.CommandId, new TaskCompletionSource<CommandDto>(TaskCreationOptions.RunContinuationsAsynchronously));
            var tracked = new TrackedCommand(command with { State = CommandStates.Pending }, now);
            if (command.Type == CommandKinds.Restart)
            {
                // The handover's progress lived in the stopped supervisor; its steps are commands of their own.
                End(tracked, CommandStates.Failed, null, "the supervisor restarted during the handover", CommandErrorCodes.Interrupted);
                continue;
            }
            _tracked.Add(tracked);
            LogReloaded(_logger, command.CommandId, command.State, command.NodeId);
        }
    }

    private async Task HandleAsync(DispatchSignal signal, CancellationToken cancellationToken)
    {
        switch (signal.Kind)
        {
            case DispatchSignalKind.Submitted:
                if (Find(signal.Command!.Id) is null)
                {
                    _tracked.Add(signal.Command);
                }
                break;
            case DispatchSignalKind.Accepted:
                if (Find(signal.CommandId!) is not { } accepted)
                {
                    break;
                }
                if (accepted.NodeId != signal.NodeId)
                {
                    LogForeignAnswer(_logger, signal.CommandId!, signal.NodeId!, accepted.NodeId);
                }
                else if (accepted.Command.State == CommandStates.Sent)
                {
                    Update(accepted, accepted.Command with { State = CommandStates.Accepted });
                }
                break;
            case DispatchSignalKind.Result:
                await ResultAsync(signal.NodeId!, signal.Result!, cancellationToken);
                break;
            case DispatchSignalKind.NodeConnected:
                foreach (var tracked in _tracked.Where(t => t.NodeId == signal.NodeId && t.Command.State == CommandStates.Pending))
                {
                    tracked.NextAttemptAt = _timeProvider.GetUtcNow();
                    tracked.OfflineSince = null;
                }
                if (_shared)
                {
                    // Commands another supervisor stored while the node was connected nowhere (or there) are this one's now.
                    await AdoptOpenAsync(signal.NodeId!, cancellationToken);
                }
                break;
            case DispatchSignalKind.RemoteStored:
                if (Find(signal.CommandId!) is null && _registry.IsConnected(signal.NodeId!)
                    && await _store.GetAsync(signal.CommandId!, cancellationToken) is { } stored && !CommandStates.IsTerminal(stored.State))
                {
                    Adopt(stored);
                }
                break;
            case DispatchSignalKind.RemoteFinished:
                await FinishedElsewhereAsync(signal.CommandId!, cancellationToken);
                break;
            case DispatchSignalKind.Resync:
                foreach (var nodeId in _registry.Connections.Select(c => c.NodeId).OfType<string>().Distinct().ToList())
                {
                    await AdoptOpenAsync(nodeId, cancellationToken);
                }
                foreach (var remote in _tracked.Where(t => !_registry.IsConnected(t.NodeId)).Select(t => t.Id).ToList())
                {
                    await FinishedElsewhereAsync(remote, cancellationToken);
                }
                break;
            case DispatchSignalKind.NodeDisconnected:
                await DisconnectedAsync(signal.NodeId!, cancellationToken);
                break;
        }
    }

    /// <summary>Tracks the node's unfinished commands this supervisor does not track yet (stored by another one).</summary>
    private async Task AdoptOpenAsync(string nodeId, CancellationToken cancellationToken)
    {
        foreach (var command in await _store.ListOpenAsync(nodeId, cancellationToken))
        {
            if (Find(command.CommandId) is null && command.Type != CommandKinds.Restart)
            {
                Adopt(command);
            }
        }
    }

    private void Adopt(CommandDto command)
    {
        _completions.TryAdd(command.CommandId, new TaskCompletionSource<CommandDto>(TaskCreationOptions.RunContinuationsAsynchronously));
        // Sent or accepted by a supervisor that lost the node's socket since: sent again, as after a reconnect.
        _tracked.Add(new TrackedCommand(command with { State = CommandStates.Pending }, _timeProvider.GetUtcNow()));
        LogAdopted(_logger, command.CommandId, command.NodeId);
    }

    /// <summary>A command tracked here for a node held elsewhere: once its outcome is stored, the wait here ends with it.</summary>
    private async Task FinishedElsewhereAsync(string commandId, CancellationToken cancellationToken)
    {
        if (Find(commandId) is not { } tracked || _registry.IsConnected(tracked.NodeId))
        {
            return;
        }
        if (await _store.GetAsync(commandId, cancellationToken) is { } stored && CommandStates.IsTerminal(stored.State))
        {
            _tracked.Remove(tracked);
            Finish(stored);
        }
    }

    /// <summary>
    /// True when the node is online on another living supervisor (PostgreSQL only), read at most once a second per
    /// node: that supervisor delivers the command, so this one neither sends it nor ends it for the node being offline.
    /// </summary>
    private async Task<bool> HeldElsewhereAsync(string nodeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_shared)
        {
            return false;
        }
        if (!_holders.TryGetValue(nodeId, out var known) || now - known.CheckedAt >= TimeSpan.FromSeconds(1))
        {
            known = (await _cluster.HeldElsewhereAsync(nodeId, cancellationToken), now);
            _holders[nodeId] = known;
        }
        return known.Elsewhere;
    }

    private async Task ResultAsync(string nodeId, CommandResult result, CancellationToken cancellationToken)
    {
        if (Find(result.CommandId) is not { } tracked)
        {
            await LateResultAsync(nodeId, result, cancellationToken);
            return;
        }
        if (tracked.NodeId != nodeId)
        {
            // Only the node the command was sent to may answer it; a node never speaks for another.
            LogForeignAnswer(_logger, result.CommandId, nodeId, tracked.NodeId);
            return;
        }
        if (!result.Ok && result.ErrorCode == CommandErrorCodes.RuntimeUnavailable && tracked.Command.Attempts < _options.MaxAttempts)
        {
            RetryLater(tracked, result.Error, result.ErrorCode);
            return;
        }
        End(tracked, result.Ok ? CommandStates.Succeeded : CommandStates.Failed, result.Result, result.Error, result.ErrorCode);
    }

    private async Task LateResultAsync(string nodeId, CommandResult result, CancellationToken cancellationToken)
    {
        if (await _store.GetAsync(result.CommandId, cancellationToken) is not { } stored || stored.State == CommandStates.Succeeded)
        {
            LogUnknownResult(_logger, result.CommandId, nodeId);
            return;
        }
        if (stored.NodeId != nodeId)
        {
            LogForeignAnswer(_logger, result.CommandId, nodeId, stored.NodeId);
            return;
        }
        LogLateResult(_logger, result.CommandId, nodeId, stored.State);
        var now = _timeProvider.GetUtcNow();
        await _store.UpdateAsync(stored with
        {
            State = result.Ok ? CommandStates.Succeeded : CommandStates.Failed,
            Result = result.Result,
            Error = result.Ok ? null : result.Error ?? stored.Error,
            ErrorCode = result.Ok ? null : result.ErrorCode ?? stored.ErrorCode,
            SessionId = stored.SessionId ?? StartedSession(stored.Type, result),
            UpdatedAt = now,
        }, cancellationToken, refinished: true);
    }

    private async Task DisconnectedAsync(string nodeId, CancellationToken cancellationToken)
    {
        foreach (var tracked in _tracked.Where(t => t.NodeId == nodeId && t.Command.State is CommandStates.Sent or CommandStates.Accepted).ToList())
        {
            var reason = $"node {nodeId} disconnected before it answered (attempt {tracked.Command.Attempts} of {_options.MaxAttempts})";
            if (tracked.Command.Attempts >= _options.MaxAttempts)
            {
                End(tracked, CommandStates.Failed, null, reason, CommandErrorCodes.NodeOffline);
            }
            else
            {
                tracked.OfflineSince = _timeProvider.GetUtcNow();
                RetryLater(tracked, reason, CommandErrorCodes.NodeOffline);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        foreach (var tracked in _tracked.ToList())
        {
            var command = tracked.Command;
            if (command.Deadline is { } deadline && now >= deadline)
            {
                var seconds = _deadlines.For(command.Type).TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
                End(tracked, CommandStates.TimedOut, null, $"node {command.NodeId} sent no result within {seconds} s",
                    CommandErrorCodes.DeadlineExceeded);
                continue;
            }
            if (command.State != CommandStates.Pending)
            {
                continue;
            }
            if (!_registry.TryGet(command.NodeId, out var connection) || connection.IsClosing)
            {
                if (await HeldElsewhereAsync(command.NodeId, now, cancellationToken))
                {
                    tracked.OfflineSince = null;
                    continue;
                }
                tracked.OfflineSince ??= now;
                if (now - tracked.OfflineSince >= _options.OfflineWait)
                {
                    End(tracked, CommandStates.Failed, null,
                        $"node {command.NodeId} was offline for {_options.OfflineWaitSec} s", CommandErrorCodes.NodeOffline);
                }
                continue;
            }
            tracked.OfflineSince = null;
            // Registered but not welcomed yet: a command now would reach the agent before its welcome (NodeConnected
            // wakes the sweep once the welcome is queued).
            if (!connection.IsWelcomed || now < tracked.NextAttemptAt || !_rate.TryTake(command.NodeId, now))
            {
                continue;
            }
            // Args that must not be stored (pushed credentials) are built now, for this frame only (ICommandWireArgs).
            var wireArgs = command.Args;
            if (Array.Find(_wireArgs, w => w.Handles(command.Type)) is { } builder)
            {
                try
                {
                    wireArgs = await builder.BuildAsync(command, cancellationToken);
                }
                catch (CommandRejectedException ex)
                {
                    End(tracked, CommandStates.Failed, null, ex.Message, ex.Code);
                    continue;
                }
            }
            var sent = command with
            {
                State = CommandStates.Sent,
                Attempts = command.Attempts + 1,
                Deadline = command.Deadline ?? now + _deadlines.For(command.Type),
                UpdatedAt = now,
            };
            Update(tracked, sent);
            var request = new CommandRequest(sent.CommandId, tracked.WireType, sent.SessionId, sent.Project, wireArgs, sent.Deadline, sent.CorrelationId);
            connection.Send(ProtocolCodec.Encode(MessageTypes.Command, request, ProtocolJsonContext.Default.CommandRequest, now));
            LogSent(_logger, sent.CommandId, tracked.WireType, sent.NodeId, sent.SessionId, sent.Attempts, sent.CorrelationId);
        }
    }

    private void RetryLater(TrackedCommand tracked, string? error, string? errorCode)
    {
        var now = _timeProvider.GetUtcNow();
        tracked.NextAttemptAt = now + Backoff(tracked.Command.Attempts);
        LogRetry(_logger, tracked.Id, tracked.NodeId, tracked.Command.Attempts, errorCode);
        Update(tracked, tracked.Command with { State = CommandStates.Pending, Error = error, ErrorCode = errorCode, UpdatedAt = now });
    }

    // Intermediate states (sent, accepted, pending again) are queued to the writer without waiting for its commit:
    // the writer keeps the order of what is queued, so a later state of the same command can never land first, and
    // the loop stays free for other commands. The caller still sees the state at once: it lives in the tracked copy.
    private void Update(TrackedCommand tracked, CommandDto command)
    {
        tracked.Command = command with { UpdatedAt = _timeProvider.GetUtcNow() };
        Persist(_store.UpdateAsync(tracked.Command, CancellationToken.None), tracked.Id);
    }

    private void Persist(Task write, string commandId) =>
        Own(write.ContinueWith(t => LogPersistFailed(_logger, commandId, t.Exception!), CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));

    private void End(TrackedCommand tracked, string state, System.Text.Json.JsonElement? result, string? error, string? errorCode)
    {
        var now = _timeProvider.GetUtcNow();
        var ended = tracked.Command with
        {
            State = state,
            Result = result,
            Error = state == CommandStates.Succeeded ? null : error,
            ErrorCode = state == CommandStates.Succeeded ? null : errorCode,
            SessionId = tracked.Command.SessionId ?? (result is { } r ? StartedSession(tracked.Command.Type, new CommandResult(tracked.Id, true, r, null, null)) : null),
            UpdatedAt = now,
            FinishedAt = now,
        };
        _tracked.Remove(tracked);
        tracked.Command = ended;
        // Both writes go to the writer together (one batch, as a rule); waiters are released once they are durable,
        // so a read right after the answer sees the outcome, but the loop does not wait for the commit.
        var stored = _store.UpdateAsync(ended, CancellationToken.None);
        var audited = _audit.CompleteCommandAsync(ended, CancellationToken.None);
        Own(FinishWhenStoredAsync(ended, Task.WhenAll(stored, audited)));
        LogFinished(_logger, ended.CommandId, ended.NodeId, state, errorCode, error, ended.CorrelationId);
    }

    private async Task FinishWhenStoredAsync(CommandDto ended, Task writes)
    {
        try
        {
            await writes;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPersistFailed(_logger, ended.CommandId, ex);
        }
        finally
        {
            Finish(ended);
        }
    }

    private TrackedCommand? Find(string commandId) => _tracked.Find(t => t.Id == commandId);

    private static string? StartedSession(string type, CommandResult result) =>
        type is CommandTypes.Start or CommandTypes.Adopt && result.Result is { ValueKind: System.Text.Json.JsonValueKind.Object } r
            && r.TryGetProperty("session_id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
            ? id.GetString()
            : null;
}
