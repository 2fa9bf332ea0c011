using System.Collections.Concurrent;
using System.Threading.Channels;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Nodes;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// Delivers stored commands to agents. One loop owns every unfinished command: it sends when the node is online and
/// the node's rate allows, re-sends after a reconnect, retries transient failures with backoff, and ends commands at
/// their deadline or when their node stayed offline too long. Socket callbacks only queue signals for the loop.
/// Unfinished commands are loaded again when the supervisor starts. With several supervisors on one PostgreSQL database
/// (<see cref="Cluster.ClusterNotifications"/>) a command is sent only by the supervisor holding its node's socket, which picks
/// up commands stored elsewhere; the one a caller waits on completes the wait when the outcome is stored. The writes it
/// queued without waiting (states, outcomes) are owned too: <see cref="StopAsync"/> ends the loop, then waits until each of them is stored.
/// </summary>
internal sealed partial class CommandDispatcher : ICommandResultSink, IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan s_tick = TimeSpan.FromMilliseconds(100);
    private readonly Channel<DispatchSignal> _signals = Channel.CreateUnbounded<DispatchSignal>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CommandDto>> _completions = new(StringComparer.Ordinal);
    private readonly List<TrackedCommand> _tracked = [];
    private readonly HashSet<Task> _writes = [];
    private readonly CommandStore _store;
    private readonly AgentRegistry _registry;
    private readonly IAuditLog _audit;
    private readonly CommandsOptions _options;
    private readonly CommandDeadlinesOptions _deadlines;
    private readonly NodeRateLimiter _rate;
    private readonly ICommandWireArgs[] _wireArgs;
    private readonly TimeProvider _timeProvider;
    private readonly ClusterQueries _cluster;
    private readonly bool _shared;
    private readonly Dictionary<string, (bool Elsewhere, DateTimeOffset CheckedAt)> _holders = new(StringComparer.Ordinal);
    private readonly ILogger<CommandDispatcher> _logger;
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public CommandDispatcher(CommandStore store, AgentRegistry registry, IAuditLog audit, IOptions<CommandsOptions> options,
        IOptions<CommandDeadlinesOptions> deadlines, IEnumerable<ICommandWireArgs> wireArgs, TimeProvider timeProvider, ClusterQueries cluster,
        IOptions<DatabaseOptions> database, ILogger<CommandDispatcher> logger)
    {
        _cluster = cluster;
        _shared = database.Value.IsPostgres;
        _wireArgs = [.. wireArgs];
        _store = store;
        _registry = registry;
        _audit = audit;
        _options = options.Value;
        _deadlines = deadlines.Value;
        _rate = new NodeRateLimiter(_options.RatePerNodePerSec);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Hands a freshly stored command to the loop; its outcome can be awaited with <see cref="WaitAsync"/>.</summary>
    public void Track(CommandDto command)
    {
        _completions.TryAdd(command.CommandId, new TaskCompletionSource<CommandDto>(TaskCreationOptions.RunContinuationsAsynchronously));
        _signals.Writer.TryWrite(new DispatchSignal(DispatchSignalKind.Submitted, Command: new TrackedCommand(command, _timeProvider.GetUtcNow())));
    }

    /// <summary>Registers a command whose outcome something else decides (a restart); end it with <see cref="Finish"/>.</summary>
    public void TrackExternal(string commandId) =>
        _completions.TryAdd(commandId, new TaskCompletionSource<CommandDto>(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Finish(CommandDto command)
    {
        if (_completions.TryRemove(command.CommandId, out var completion))
        {
            completion.TrySetResult(command);
        }
    }

    /// <summary>The command once finished, or as stored when <paramref name="wait"/> runs out first.</summary>
    public async Task<CommandDto?> WaitAsync(string commandId, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait > TimeSpan.Zero && _completions.TryGetValue(commandId, out var completion))
        {
            try
            {
                return await completion.Task.WaitAsync(wait, _timeProvider, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }
        return await _store.GetAsync(commandId, cancellationToken);
    }

    public void Accepted(string nodeId, string commandId) =>
        _signals.Writer.TryWrite(new DispatchSignal(DispatchSignalKind.Accepted, nodeId, commandId));

    public void Complete(string nodeId, CommandResult result) =>
        _signals.Writer.TryWrite(new DispatchSignal(DispatchSignalKind.Result, nodeId, result.CommandId, result));

    public void NodeConnected(string nodeId) => _signals.Writer.TryWrite(new DispatchSignal(DispatchSignalKind.NodeConnected, nodeId));

    public void NodeDisconnected(string nodeId) => _signals.Writer.TryWrite(new DispatchSignal(DispatchSignalKind.NodeDisconnected, nodeId));

    public void RemoteStored(string nodeId, string commandId) =>
        _signals.Writer.TryWrite(new DispatchSignal(DispatchSignalKind.RemoteStored, nodeId, commandId));

    public void RemoteFinished(string commandId) => _signals.Writer.TryWrite(new DispatchSignal(DispatchSignalKind.RemoteFinished, CommandId: commandId));

    public void Resync() => _signals.Writer.TryWrite(new DispatchSignal(DispatchSignalKind.Resync));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        _loop = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stopping = Interlocked.Exchange(ref _stopping, null);
        if (stopping is null || _loop is null)
        {
            return;
        }
        await stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] writes;
        lock (_writes)
        {
            writes = [.. _writes];
        }
        // Each write logs its own failure; a stop only waits for them, bounded by the host's shutdown token.
        await Task.WhenAll(writes).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    /// <summary>Owns a write the loop does not wait for, until it ends.</summary>
    private void Own(Task write)
    {
        lock (_writes)
        {
            _writes.Add(write);
        }
        write.ContinueWith(static (task, state) =>
        {
            var writes = (HashSet<Task>)state!;
            lock (writes)
            {
                writes.Remove(task);
            }
        }, _writes, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadOpenAsync(cancellationToken);
            using var timer = new PeriodicTimer(s_tick, _timeProvider);
            Task<bool>? tick = null;
            Task<bool>? signal = null;
            while (true)
            {
                tick ??= timer.WaitForNextTickAsync(cancellationToken).AsTask();
                signal ??= _signals.Reader.WaitToReadAsync(cancellationToken).AsTask();
                await Task.WhenAny(tick, signal);
                if (signal.IsCompleted)
                {
                    await signal;
                    signal = null;
                }
                if (tick.IsCompleted)
                {
                    await tick;
                    tick = null;
                }
                while (_signals.Reader.TryRead(out var next))
                {
                    await GuardAsync(HandleAsync(next, cancellationToken), next.CommandId);
                }
                await GuardAsync(SweepAsync(cancellationToken), null);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task GuardAsync(Task work, string? commandId)
    {
        try
        {
            await work;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLoopFailed(_logger, commandId, ex);
        }
    }

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMilliseconds(_options.RetryBackoffMs * Math.Pow(2, Math.Max(0, attempts - 1)));
}
