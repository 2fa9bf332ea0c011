using System.Collections.Concurrent;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// Runs each command id at most once. A command runs on the agent's own lifetime, not the connection's,
/// so a dropped connection does not cut it short; a re-send of a running command waits for the same run,
/// and a re-send of a finished one gets the result stored in agent.db (<see cref="CommandJournal"/>).
/// It owns the runs: <see cref="StopAsync"/> (the host stopping) cancels them and waits until each has ended.
/// </summary>
internal sealed partial class CommandRunner : IDisposable
{
    private readonly ICommandHandler _handler;
    private readonly CommandJournal _journal;
    private readonly ILogger<CommandRunner> _logger;
    private readonly ConcurrentDictionary<(string Type, bool Ok), long> _executed = new();
    private readonly ConcurrentDictionary<string, Task<CommandResult>> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _claim = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();

    public CommandRunner(ICommandHandler handler, CommandJournal journal, ILogger<CommandRunner> logger)
    {
        _handler = handler;
        _journal = journal;
        _logger = logger;
    }

    /// <summary>Commands run to an end since the agent started, by type and outcome (for the agent's metrics).</summary>
    public IReadOnlyList<KeyValuePair<(string Type, bool Ok), long>> Executed => [.. _executed];

    public async Task<CommandTicket> SubmitAsync(CommandRequest command, CancellationToken cancellationToken)
    {
        await _claim.WaitAsync(cancellationToken);
        try
        {
            if (_running.TryGetValue(command.CommandId, out var running))
            {
                Log.Duplicate(_logger, command.CommandId, "running");
                return new CommandTicket(false, running);
            }
            if (await _journal.ClaimAsync(command, cancellationToken) is { } stored)
            {
                Log.Duplicate(_logger, command.CommandId, "finished");
                return new CommandTicket(false, Task.FromResult(stored));
            }
            // Registered before it starts, so its own removal can never precede the registration.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var run = RunAsync(command, start.Task);
            _running[command.CommandId] = run;
            start.SetResult();
            return new CommandTicket(true, run);
        }
        finally
        {
            _claim.Release();
        }
    }

    private async Task<CommandResult> RunAsync(CommandRequest command, Task registered)
    {
        await registered;
        // Every line logged while the command runs (executor, runtime adapter) carries its ids.
        using var scope = Log.Running(_logger, command.CommandId, command.CorrelationId);
        try
        {
            var result = await _handler.HandleAsync(command, _stopping.Token) with { CorrelationId = command.CorrelationId };
            await _journal.CompleteAsync(result, CancellationToken.None);
            _executed.AddOrUpdate((command.Type, result.Ok), 1, (_, n) => n + 1);
            Log.Finished(_logger, command.CommandId, command.Type, result.Ok, result.ErrorCode, command.CorrelationId);
            return result;
        }
        finally
        {
            _running.TryRemove(command.CommandId, out _);
        }
    }

    /// <summary>Cancels the running commands and waits for them, at most until <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        Task[] runs = [.. _running.Values];
        if (runs.Length == 0)
        {
            return;
        }
        Log.Stopping(_logger, runs.Length);
        try
        {
            await Task.WhenAll(runs).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            if (!_running.IsEmpty)
            {
                Log.StillRunning(_logger, _running.Count);
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _claim.Dispose();
    }
}
