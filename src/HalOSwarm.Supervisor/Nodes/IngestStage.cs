using System.Threading.Channels;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// The bulk writes (events, heartbeats) one connection has read but the writer's bulk lane has not taken yet, in the
/// order they were read; a pump of its own moves them into the lane. With it the receive loop keeps reading while
/// the lane is full, so a <c>command_result</c> behind the agent's own event frames is handled when it arrives, not
/// when ingest has caught up. At most <c>maxBytes</c> of frames wait here (at least one frame, however large); past
/// that the receive loop waits, which stops reading the socket: the back-pressure the lane gave before, per node.
/// </summary>
internal sealed class IngestStage : IDisposable
{
    private readonly Channel<(WriteOp Op, long Bytes)> _queue =
        Channel.CreateUnbounded<(WriteOp, long)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim _room = new(0, 1);
    private readonly IStorageWriter _writer;
    private readonly long _maxBytes;
    private readonly Task _pump;
    private long _bytes;

    public IngestStage(IStorageWriter writer, long maxBytes)
    {
        _writer = writer;
        _maxBytes = maxBytes;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>
    /// Stages <paramref name="op"/>; waits while more than the budget is staged already. With nothing staged or on its
    /// way (the pump counts an op off only once it is in the lane) and room in the lane, the op goes straight in: the
    /// same order, one thread hop less per frame.
    /// </summary>
    public async ValueTask AddAsync(WriteOp op, long bytes, CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _bytes) == 0 && _writer.TryEnqueue(op))
        {
            return;
        }
        while (Interlocked.Read(ref _bytes) is var staged && staged > 0 && staged + bytes > _maxBytes)
        {
            if (_pump.IsCompleted)
            {
                await _pump; // the writer stopped: surface why
            }
            await _room.WaitAsync(cancellationToken);
        }
        Interlocked.Add(ref _bytes, bytes);
        if (!_queue.Writer.TryWrite((op, bytes)))
        {
            throw new ChannelClosedException("the connection's ingest stage is closed");
        }
    }

    /// <summary>Takes nothing more and returns once everything staged is in the writer's bulk lane (or the writer stopped).</summary>
    public async Task DrainAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _pump;
        }
        catch (ChannelClosedException)
        {
            // The writer stopped (shutdown): what was staged is not acked, so the agent sends it again.
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var (op, bytes) in _queue.Reader.ReadAllAsync())
            {
                await _writer.EnqueueAsync(op, CancellationToken.None); // ends with ChannelClosedException once the writer stopped
                Interlocked.Add(ref _bytes, -bytes);
                Signal();
            }
        }
        finally
        {
            Signal(); // a receive loop waiting for room sees the pump ended
        }
    }

    private void Signal()
    {
        if (_room.CurrentCount == 0)
        {
            _room.Release(); // only the pump releases, so the count stays at most 1
        }
    }

    /// <summary>Call after <see cref="DrainAsync"/>.</summary>
    public void Dispose() => _room.Dispose();
}
