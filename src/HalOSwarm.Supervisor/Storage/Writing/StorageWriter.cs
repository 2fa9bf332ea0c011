using System.Diagnostics;
using System.Threading.Channels;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>
/// The one database writer; it knows no feature. Ops wait in two queues: the priority lane (unbounded: commands,
/// audit, hellos — what a person or a handshake waits for) and the bulk lane (bounded by
/// <c>database.write_queue_capacity</c>: agent events and heartbeats; a full lane makes the socket readers wait,
/// back-pressure, never loss). Each batch is one transaction: every pending priority op first, then bulk ops up to
/// <c>database.write_batch_events</c>, cut short when a priority op arrives meanwhile so it commits at once. Each op
/// is applied by the handler its feature registered; completions, acks and live publishing run after the commit.
/// A failed transaction is retried, never dropped.
/// </summary>
internal sealed partial class StorageWriter : IHostedService, IStorageWriter, IAsyncDisposable
{
    private readonly Channel<WriteOp> _priority;
    private readonly Channel<WriteOp> _bulk;
    private readonly IServiceScopeFactory _scopes;
    private readonly IReadOnlyList<WriteHandlerRegistration> _registrations;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<StorageWriter> _logger;
    private readonly IWriterObserver? _observer;
    private readonly int _maxBatchEvents;
    private readonly CancellationTokenSource _abort = new();
    private Task _loop = Task.CompletedTask;
    /// <summary>
    /// Set by every enqueue and by completion, waited on by the writer's thread when both lanes are empty: the thread
    /// that queues an op wakes the writer itself. (Waiting on the channels' <c>WaitToReadAsync</c> instead ran the
    /// wake-up through a pool thread first, which under load cost milliseconds per idle period.)
    /// </summary>
    private readonly ManualResetEventSlim _work = new(initialState: false);
    private volatile string _health = "starting";
    private int _disposed;
    private int _priorityPending;

    public StorageWriter(
        IServiceScopeFactory scopes,
        IEnumerable<WriteHandlerRegistration> registrations,
        IOptions<DatabaseOptions> options,
        TimeProvider timeProvider,
        ILogger<StorageWriter> logger,
        IWriterObserver? observer = null)
    {
        _observer = observer;
        _scopes = scopes;
        _registrations = [.. registrations];
        _timeProvider = timeProvider;
        _logger = logger;
        _maxBatchEvents = options.Value.WriteBatchEvents;
        // Unbounded on purpose: its ops are paced by people and handshakes (and rate-limited per node), and a bound
        // would be one more place where a kill could wait.
        _priority = Channel.CreateUnbounded<WriteOp>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        _bulk = Channel.CreateBounded<WriteOp>(new BoundedChannelOptions(options.Value.WriteQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Health => _health;

    // The bounded lane counts itself; a single-reader unbounded channel cannot, so the priority lane is counted here.
    public int Pending(WriteLane lane) => lane == WriteLane.Bulk ? _bulk.Reader.Count : Math.Max(0, Volatile.Read(ref _priorityPending));

    public ValueTask EnqueueAsync(WriteOp op, CancellationToken cancellationToken)
    {
        if (TryEnqueue(op))
        {
            return ValueTask.CompletedTask;
        }
        return WriteAndWakeAsync(op, cancellationToken);
    }

    /// <summary>
    /// A full bulk lane is waited on; a stopped writer refuses either lane (the channel's WriteAsync says so). The op
    /// may go in once the writer has emptied the lane and gone to sleep, so it is woken here too.
    /// </summary>
    private async ValueTask WriteAndWakeAsync(WriteOp op, CancellationToken cancellationToken)
    {
        op.QueuedAt = Stopwatch.GetTimestamp();
        await (op.Lane == WriteLane.Bulk ? _bulk.Writer.WriteAsync(op, cancellationToken) : _priority.Writer.WriteAsync(op, cancellationToken));
        _work.Set();
    }

    public bool TryEnqueue(WriteOp op)
    {
        op.QueuedAt = Stopwatch.GetTimestamp();
        if (op.Lane == WriteLane.Bulk)
        {
            if (!_bulk.Writer.TryWrite(op))
            {
                return false;
            }
            _work.Set();
            return true;
        }
        Interlocked.Increment(ref _priorityPending);
        if (_priority.Writer.TryWrite(op))
        {
            _work.Set();
            return true;
        }
        Interlocked.Decrement(ref _priorityPending);
        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A thread of its own: the writer blocks in the database most of the time, and on a 2-core machine a blocked
        // pool thread is half the pool that runs every socket's continuations.
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
        { IsBackground = true, Name = "hal storage writer" };
        thread.Start();
        _loop = done.Task;
        return Task.CompletedTask;
    }

    /// <summary>Stops taking ops and commits everything already queued, unless the host runs out of patience.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Complete();
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
        // Registered as itself, as IStorageWriter and as a hosted service: the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        Complete();
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

    private void Complete()
    {
        _priority.Writer.TryComplete();
        _bulk.Writer.TryComplete();
        _work.Set();
    }
}
