using System.Net.WebSockets;
using System.Threading.Channels;

namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>
/// What waits to be sent on one client socket, bounded in bytes: a message that would pass the bound is refused and
/// <see cref="Overflowed"/> fires, and the connection closes with <see cref="ClientCloseCodes.FellBehind"/> — a client
/// that does not read never holds more than the bound of the supervisor's memory. One loop sends, so frames never interleave.
/// </summary>
internal sealed class ClientOutbox(long maxBytes) : IDisposable
{
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _overflowed = new();
    private long _bytes;

    public CancellationToken Overflowed => _overflowed.Token;

    /// <summary>Queues one message; false when the outbox is full (the connection is then closing) or closed.</summary>
    public bool TryEnqueue(byte[] frame)
    {
        if (_overflowed.IsCancellationRequested)
        {
            return false;
        }
        if (Interlocked.Add(ref _bytes, frame.Length) > maxBytes)
        {
            Interlocked.Add(ref _bytes, -frame.Length);
            Overflow();
            return false;
        }
        if (!_frames.Writer.TryWrite(frame))
        {
            Interlocked.Add(ref _bytes, -frame.Length);
            return false;
        }
        return true;
    }

    /// <summary>The client fell behind (here, or an event subscription the broadcaster dropped): nothing more is sent but the close.</summary>
    public void Overflow()
    {
        _frames.Writer.TryComplete();
        try
        {
            // Asynchronously: this may run on the event writer's thread, which must not run the connection's callbacks.
            _ = _overflowed.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The connection ended at the same moment.
        }
    }

    /// <summary>No more messages: the send loop ends once it sent what is queued (nothing more after an overflow).</summary>
    public void Complete() => _frames.Writer.TryComplete();

    /// <summary>Sends the queued messages in order until <see cref="Complete"/> (or an overflow, which drops the rest).</summary>
    public async Task SendAllAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        await foreach (var frame in _frames.Reader.ReadAllAsync(cancellationToken))
        {
            if (_overflowed.IsCancellationRequested)
            {
                return;
            }
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            Interlocked.Add(ref _bytes, -frame.Length);
        }
    }

    public void Dispose() => _overflowed.Dispose();
}
