using System.Net.WebSockets;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// One welcomed connection: sends the outbox from welcome.durable_seq on with a bounded window in flight,
/// applies acks and replays, answers commands without blocking the receive loop, sends heartbeats and
/// drops the connection when the supervisor has been silent for interval × timeout_count. It owns the task that
/// answers each command and waits for them before <see cref="RunAsync"/> returns (the commands themselves run on
/// <see cref="CommandRunner"/>, which outlives the connection).
/// </summary>
internal sealed partial class ConnectionSession : IDisposable
{
    private readonly WebSocket _socket;
    private readonly Welcome _welcome;
    private readonly Outbox _outbox;
    private readonly CommandRunner _commands;
    private readonly HashSet<string> _answering = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _answers = [];
    private readonly ResourceSampler _resources;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly int _window;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly AsyncSignal _wake = new();
    private long _acked;
    private long _replayFrom = -1;
    private long _lastReceived;

    public ConnectionSession(WebSocket socket, Welcome welcome, Outbox outbox, CommandRunner commands,
        ResourceSampler resources, TimeProvider timeProvider, ILogger logger, int window)
    {
        _socket = socket;
        _welcome = welcome;
        _outbox = outbox;
        _commands = commands;
        _resources = resources;
        _timeProvider = timeProvider;
        _logger = logger;
        _window = Math.Max(1, window);
        _acked = welcome.DurableSeq;
        _lastReceived = timeProvider.GetTimestamp();
    }

    public void Dispose() => _sendLock.Dispose();

    private int MaxBatch => _welcome.MaxBatchEvents > 0 ? _welcome.MaxBatchEvents : ProtocolInfo.DefaultMaxBatchEvents;

    private int MaxFrame => _welcome.MaxFrameBytes > 0 ? _welcome.MaxFrameBytes : ProtocolInfo.DefaultMaxFrameBytes;

    /// <summary>Runs until the connection ends or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await _outbox.EnsureCounterAtLeastAsync(_welcome.DurableSeq, cancellationToken);
        await _outbox.AckAsync(_welcome.DurableSeq, cancellationToken);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Action wake = _wake.Set;
        _outbox.Appended += wake;
        try
        {
            var loops = new[] { ReceiveLoopAsync(cts.Token), SendLoopAsync(cts.Token), HeartbeatLoopAsync(cts.Token), WatchdogLoopAsync(cts.Token) };
            var first = await Task.WhenAny(loops);
            await cts.CancelAsync();
            try
            {
                await Task.WhenAll(loops);
            }
            catch (Exception) when (first.IsFaulted || cts.IsCancellationRequested)
            {
                // The first loop to end decides the outcome; the others only stopped because of it.
            }
            await first;
        }
        finally
        {
            _outbox.Appended -= wake;
            await cts.CancelAsync();
            await WhenAnswersEndAsync();
        }
    }

    private void TrackAnswer(CommandRequest command, CancellationToken cancellationToken)
    {
        var answer = Task.Run(() => RunCommandAsync(command, cancellationToken), CancellationToken.None);
        lock (_answers)
        {
            _answers.Add(answer);
        }
        answer.ContinueWith(static (task, state) =>
        {
            var answers = (HashSet<Task>)state!;
            lock (answers)
            {
                answers.Remove(task);
            }
        }, _answers, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task WhenAnswersEndAsync()
    {
        Task[] answers;
        lock (_answers)
        {
            answers = [.. _answers];
        }
        // Each answer stops at the connection's cancellation and handles its own errors.
        await Task.WhenAll(answers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await FrameReader.ReadAsync(_socket, cancellationToken);
            if (frame is null)
            {
                Log.PeerClosed(_logger, (int?)_socket.CloseStatus, _socket.CloseStatusDescription);
                return;
            }
            Interlocked.Exchange(ref _lastReceived, _timeProvider.GetTimestamp());
            if (!ProtocolCodec.TryDecode(frame, out var envelope, out var error))
            {
                Log.BadFrame(_logger, error);
                continue;
            }
            await HandleAsync(envelope, cancellationToken);
        }
    }

    private async Task HandleAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        switch (envelope.Type)
        {
            case MessageTypes.Ack when ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.Ack, out var ack, out _):
                if (ack.Seq > Interlocked.Read(ref _acked))
                {
                    Interlocked.Exchange(ref _acked, ack.Seq);
                    await _outbox.AckAsync(ack.Seq, cancellationToken);
                    _wake.Set();
                }
                break;
            case MessageTypes.Replay when ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.Replay, out var replay, out _):
                Log.ReplayRequested(_logger, replay.FromSeq);
                Interlocked.Exchange(ref _replayFrom, replay.FromSeq);
                _wake.Set();
                break;
            case MessageTypes.Command when ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.CommandRequest, out var command, out _):
                TrackAnswer(command, cancellationToken);
                break;
            case MessageTypes.Heartbeat or MessageTypes.Welcome:
                break;
            default:
                Log.UnexpectedFrame(_logger, envelope.Type);
                break;
        }
    }

    private async Task RunCommandAsync(CommandRequest command, CancellationToken cancellationToken)
    {
        // A re-send while this connection already answers the command changes nothing; one on a later
        // connection (the first answer may have been lost with the old socket) waits for the same run.
        lock (_answering)
        {
            if (!_answering.Add(command.CommandId))
            {
                return;
            }
        }
        try
        {
            var ticket = await _commands.SubmitAsync(command, cancellationToken);
            if (ticket.Accepted)
            {
                await SendAsync(ProtocolCodec.Encode(MessageTypes.CommandAccepted, new CommandAccepted(command.CommandId),
                    ProtocolJsonContext.Default.CommandAccepted, _timeProvider.GetUtcNow()), cancellationToken);
            }
            var result = await ticket.Result.WaitAsync(cancellationToken);
            // Released before the result goes out: a re-send that follows the result must be answered again, not
            // dropped as one this connection is still answering.
            StopAnswering(command.CommandId);
            await SendAsync(ProtocolCodec.Encode(MessageTypes.CommandResult, result, ProtocolJsonContext.Default.CommandResult,
                _timeProvider.GetUtcNow()), cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            Log.CommandResultNotSent(_logger, command.CommandId, ex.Message);
        }
        finally
        {
            StopAnswering(command.CommandId);
        }
    }

    private void StopAnswering(string commandId)
    {
        lock (_answering)
        {
            _answering.Remove(commandId);
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var next = _welcome.DurableSeq + 1;
        while (true)
        {
            var replay = Interlocked.Exchange(ref _replayFrom, -1);
            if (replay >= 0)
            {
                next = Math.Max(replay, Interlocked.Read(ref _acked) + 1);
            }
            var room = _window - (next - 1 - Interlocked.Read(ref _acked));
            if (room > 0)
            {
                var batch = await _outbox.ReadAsync(next, (int)Math.Min(room, MaxBatch), cancellationToken);
                if (batch.Count > 0)
                {
                    foreach (var frame in EventBatchEncoder.Encode(batch, MaxFrame, _timeProvider.GetUtcNow()))
                    {
                        await SendAsync(frame, cancellationToken);
                    }
                    _outbox.CountSent(batch.Count);
                    next = batch[^1].Seq + 1;
                    continue;
                }
            }
            await _wake.WaitAsync(cancellationToken);
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, _welcome.HeartbeatIntervalSec));
        while (true)
        {
            await Task.Delay(interval, _timeProvider, cancellationToken);
            var outbox = await _outbox.RangeAsync(cancellationToken);
            var heartbeat = new Heartbeat(_resources.Sample(), outbox.Last);
            await SendAsync(ProtocolCodec.Encode(MessageTypes.Heartbeat, heartbeat, ProtocolJsonContext.Default.Heartbeat,
                _timeProvider.GetUtcNow()), cancellationToken);
        }
    }

    private async Task WatchdogLoopAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, _welcome.HeartbeatIntervalSec));
        var limit = interval * Math.Max(1, _welcome.HeartbeatTimeoutCount);
        var tick = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 100, Math.Min(interval.Ticks, limit.Ticks) / 4));
        while (true)
        {
            await Task.Delay(tick, _timeProvider, cancellationToken);
            var silent = _timeProvider.GetElapsedTime(Interlocked.Read(ref _lastReceived));
            if (silent > limit)
            {
                Log.SupervisorSilent(_logger, (int)silent.TotalSeconds);
                _socket.Abort();
                return;
            }
        }
    }

    private async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
