using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using HalOSwarm.Protocol;

namespace HalOSwarm.Bench.Load;

/// <summary>The socket side of <see cref="SimAgent"/>: reading acks and commands, heartbeats, closing.</summary>
internal sealed partial class SimAgent
{
    private async Task ReceiveLoopAsync(ClientWebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var length = await ReceiveFrameAsync(socket, buffer, cancellationToken);
                if (length < 0)
                {
                    _closeStatus = _closing ? "closed by bench" : $"closed by supervisor: {(int?)socket.CloseStatus} {socket.CloseStatusDescription}";
                    break;
                }
                if (length > buffer.Length)
                {
                    continue;
                }
                var receivedAt = Stopwatch.GetTimestamp();
                var frame = ServerFrame.Parse(buffer.AsSpan(0, length));
                switch (frame.Type)
                {
                    case MessageTypes.Ack:
                        if (frame.Seq > Interlocked.Read(ref _acked))
                        {
                            Interlocked.Exchange(ref _acked, frame.Seq);
                            Volatile.Write(ref Counters.LastAckTimestamp, Stopwatch.GetTimestamp());
                            RecordAckLatency(frame.Seq);
                        }
                        Wake();
                        break;
                    case MessageTypes.Replay:
                        Counters.Replays++;
                        Interlocked.Exchange(ref _replayFrom, frame.Seq);
                        Wake();
                        break;
                    case MessageTypes.Command when frame.CommandId is not null:
                        var result = new CommandResult(frame.CommandId, true, null, null, null);
                        await SendControlAsync(socket, ProtocolCodec.Encode(MessageTypes.CommandResult, result, ProtocolJsonContext.Default.CommandResult, DateTimeOffset.UtcNow), cancellationToken);
                        var answeredAt = Stopwatch.GetTimestamp();
                        Counters.CommandsAnswered++;
                        CommandTurnaround?.Record(Stopwatch.GetElapsedTime(receivedAt, answeredAt));
                        CommandTimes?.Record(frame.CommandId, receivedAt, answeredAt);
                        break;
                    case MessageTypes.Heartbeat:
                        Counters.HeartbeatsReceived++;
                        break;
                    default:
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _closeStatus ??= cancellationToken.IsCancellationRequested ? "closed by bench" : "socket error: " + ex.Message;
        }
        finally
        {
            _closeStatus ??= "closed";
            Wake();
        }
    }

    private void RecordAckLatency(long ackedSeq)
    {
        if (AckLatency is null)
        {
            return;
        }
        lock (_inFlight)
        {
            while (_inFlight.TryPeek(out var frame) && frame.LastSeq <= ackedSeq)
            {
                _inFlight.Dequeue();
                AckLatency.Record(Stopwatch.GetElapsedTime(frame.SentAt));
                DurableLatency?.Record(TimeSpan.FromTicks(DateTime.UtcNow.Ticks - frame.CreatedTicks));
            }
        }
    }

    private async Task HeartbeatLoopAsync(ClientWebSocket socket, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken) && socket.State == WebSocketState.Open)
            {
                var heartbeat = new Heartbeat(new ResourceUsage(12.5, 4L << 30, 16L << 30, 50L << 30, 500L << 30));
                await SendControlAsync(socket, ProtocolCodec.Encode(MessageTypes.Heartbeat, heartbeat, ProtocolJsonContext.Default.Heartbeat, DateTimeOffset.UtcNow), cancellationToken);
                Counters.HeartbeatsSent++;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The receive loop records why the connection ended.
        }
    }

    private async Task SendControlAsync(ClientWebSocket socket, byte[] frame, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Reads one whole frame into <paramref name="buffer"/>; -1 when closed, a length past the buffer when the frame did not fit (skipped).</summary>
    private static async Task<int> ReceiveFrameAsync(ClientWebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var count = 0;
        var overflow = false;
        while (true)
        {
            var target = count < buffer.Length ? buffer.AsMemory(count) : s_scratch.AsMemory();
            var result = await socket.ReceiveAsync(target, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return -1;
            }
            if (count >= buffer.Length)
            {
                overflow = true;
            }
            count += result.Count;
            if (result.EndOfMessage)
            {
                return overflow ? buffer.Length + 1 : count;
            }
        }
    }

    private static readonly byte[] s_scratch = ArrayPool<byte>.Shared.Rent(64 * 1024);

    /// <summary>Drops the connection without a close handshake, as a crashed agent or a cut network would.</summary>
    public async Task AbortAsync()
    {
        _closing = true;
        _socket?.Abort();
        await StopLoopsAsync();
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        var socket = _socket;
        _closing = true;
        if (socket is { State: WebSocketState.Open })
        {
            try
            {
                await _sendLock.WaitAsync(cancellationToken);
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bench done", cancellationToken);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                socket.Abort();
            }
        }
        await StopLoopsAsync();
    }

    private async Task StopLoopsAsync()
    {
        if (_connectionCts is { } cts)
        {
            await cts.CancelAsync();
            await Task.WhenAll(_receiveLoop, _heartbeatLoop);
            cts.Dispose();
            _connectionCts = null;
        }
        _socket?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        _socket?.Abort();
        await StopLoopsAsync();
        _sendLock.Dispose();
        _wake.Dispose();
        _frames.Dispose();
    }
}
