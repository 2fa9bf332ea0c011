using System.Threading.Channels;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Sessions;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// The one database writer. Socket readers queue <see cref="WriteOp"/>s in a bounded channel (a full channel makes
/// them wait: back-pressure, never loss); this task drains it in batches of up to <c>database.write_batch_events</c>,
/// each one transaction holding the events, the session projection and the nodes' durable seqs. After the commit it
/// acks the nodes and publishes the events to live subscribers. A failed transaction is retried, never dropped.
/// </summary>
internal sealed partial class EventWriter : IHostedService, IEventSink, IAsyncDisposable
{
    private readonly Channel<WriteOp> _channel;
    private readonly SqliteDatabase _database;
    private readonly EventBroadcaster _broadcaster;
    private readonly INodeAcknowledger _acknowledger;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EventWriter> _logger;
    private readonly int _maxBatchEvents;
    private readonly CancellationTokenSource _abort = new();
    private Task _loop = Task.CompletedTask;
    private volatile string _health = "starting";
    private int _disposed;

    public EventWriter(
        SqliteDatabase database,
        EventBroadcaster broadcaster,
        INodeAcknowledger acknowledger,
        IOptions<DatabaseOptions> options,
        TimeProvider timeProvider,
        ILogger<EventWriter> logger)
    {
        _database = database;
        _broadcaster = broadcaster;
        _acknowledger = acknowledger;
        _timeProvider = timeProvider;
        _logger = logger;
        _maxBatchEvents = options.Value.WriteBatchEvents;
        _channel = Channel.CreateBounded<WriteOp>(new BoundedChannelOptions(options.Value.WriteQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Health => _health;

    public ValueTask EnqueueAsync(WriteOp op, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(op, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A thread of its own: the writer blocks in SQLite most of the time, and on a 2-core machine a blocked pool
        // thread is half the pool that runs every socket's continuations.
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(_abort.Token);
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        })
        { IsBackground = true, Name = "hal event writer" };
        thread.Start();
        _loop = done.Task;
        return Task.CompletedTask;
    }

    /// <summary>Stops taking ops and commits everything already queued, unless the host runs out of patience.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync();
        }
        LogStopped(_logger);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered as itself, as IEventSink and as a hosted service: the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _channel.Writer.TryComplete();
        await _abort.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _abort.Dispose();
    }

    private void Run(CancellationToken cancellationToken)
    {
        try
        {
            using var context = new WriteContext(_database.OpenAsync(cancellationToken).GetAwaiter().GetResult()) { CollectStored = true };
            WriterPragmas.Apply(context.Connection);
            using var checkpointer = new WalCheckpointer(_database, _timeProvider, _logger);
            checkpointer.Start();
            using var inserter = new EventInserter(context);
            var projection = new SessionProjection(context);
            var nodes = new NodeStateStore(context, inserter, projection, _logger);
            var batch = new List<WriteOp>();
            _health = "ok";
            while (WaitToRead(cancellationToken))
            {
                batch.Clear();
                var weight = 0;
                while (weight < _maxBatchEvents && _channel.Reader.TryRead(out var op))
                {
                    batch.Add(op);
                    weight += op.Weight;
                }
                Commit(context, inserter, projection, nodes, batch, cancellationToken);
                AfterCommit(context);
                if (checkpointer.WriterShouldFinish)
                {
                    checkpointer.Finish(context.Connection); // lets the next transaction restart the WAL from its start
                }
                checkpointer.Committed();
            }
            _health = "stopped";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _health = "stopped";
        }
        catch (Exception ex)
        {
            _health = $"writer failed: {ex.Message}";
            LogWriterFailed(_logger, ex);
            throw;
        }
    }

    /// <summary>Blocks the writer's thread until an op is queued; false once the queue is completed and empty.</summary>
    private bool WaitToRead(CancellationToken cancellationToken)
    {
        var wait = _channel.Reader.WaitToReadAsync(cancellationToken);
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void Commit(
        WriteContext context, EventInserter inserter, SessionProjection projection, NodeStateStore nodes,
        List<WriteOp> batch, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                context.Begin();
                inserter.BeginBatch();
                var now = _timeProvider.GetUtcNow();
                foreach (var op in batch)
                {
                    Apply(context, inserter, projection, nodes, op, now);
                }
                projection.Flush();
                nodes.FlushDurable();
                context.Commit();
                _health = "ok";
                return;
            }
            catch (SqliteException ex)
            {
                context.Rollback();
                inserter.RollbackBatch();
                projection.Reset();
                nodes.Reset();
                _health = $"cannot commit: {ex.Message}";
                LogCommitFailed(_logger, batch.Count, delay.TotalMilliseconds, ex);
                Task.Delay(delay, _timeProvider, cancellationToken).GetAwaiter().GetResult();
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private void AfterCommit(WriteContext context)
    {
        foreach (var action in context.AfterCommit)
        {
            action();
        }
        foreach (var (nodeId, seq) in context.Acks)
        {
            _acknowledger.Acknowledge(nodeId, seq);
        }
        if (context.Stored.Count > 0)
        {
            _broadcaster.Publish(context.Stored.ToArray());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Write batch of {OpCount} ops failed; retrying in {DelayMs} ms")]
    private static partial void LogCommitFailed(ILogger logger, int opCount, double delayMs, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The event writer stopped on an unexpected error")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event writer flushed and stopped")]
    private static partial void LogStopped(ILogger logger);
}
