using System.Diagnostics;
using System.Net.WebSockets;
using HalOSwarm.Protocol;

namespace HalOSwarm.Bench.Load;

/// <summary>
/// One simulated node on a real WebSocket: hello/welcome, events paced or as fast as a bounded window of
/// unacknowledged events allows, acks, replays, heartbeats at the welcome's interval, and an immediate
/// <c>ok</c> to every command. Events are created into an <see cref="Outbox"/> stamped with their creation
/// time, which is the start of the end-to-end latency the subscriber measures.
/// </summary>
internal sealed partial class SimAgent : IAsyncDisposable
{
    private readonly LoadProfile _profile;
    private readonly Outbox _outbox;
    private readonly EventFrameWriter _frames;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Queue<(long LastSeq, long SentAt, long CreatedTicks)> _inFlight = new();
    private ClientWebSocket? _socket;
    private Task _receiveLoop = Task.CompletedTask;
    private Task _heartbeatLoop = Task.CompletedTask;
    private CancellationTokenSource? _connectionCts;
    private long _acked;
    private long _sent;
    private long _replayFrom;
    private int _batch;
    private volatile bool _generating;
    private volatile bool _closing;

    public SimAgent(AgentIdentity identity, LoadProfile profile, long outboxCapacity, Measure.LatencyHistogram? ackLatency = null,
        Measure.LatencyHistogram? commandTurnaround = null, Measure.LatencyHistogram? durableLatency = null, CommandTimes? commandTimes = null)
    {
        CommandTimes = commandTimes;
        AckLatency = ackLatency;
        DurableLatency = durableLatency;
        CommandTurnaround = commandTurnaround;
        Identity = identity;
        _profile = profile;
        _outbox = new Outbox(outboxCapacity);
        _frames = new EventFrameWriter(identity, profile.Mix);
    }

    public AgentIdentity Identity { get; }

    /// <summary>Send of a frame → ack covering its last event: the supervisor's durable-commit latency.</summary>
    public Measure.LatencyHistogram? AckLatency { get; }

    /// <summary>Creation of a frame's last event in the outbox → the ack covering it (waiting in the outbox counts); recorded with <see cref="AckLatency"/>.</summary>
    public Measure.LatencyHistogram? DurableLatency { get; }

    /// <summary>A <c>command</c> frame read → its <c>command_result</c> sent: this agent's own share of a command's round trip.</summary>
    public Measure.LatencyHistogram? CommandTurnaround { get; }

    /// <summary>Where this agent notes when it read and answered each command.</summary>
    public CommandTimes? CommandTimes { get; }

    public AgentCounters Counters { get; } = new();

    /// <summary>Durable seq as last acknowledged by the supervisor.</summary>
    public long Acked => Interlocked.Read(ref _acked);

    /// <summary>Highest seq this agent has created (its "produced" count: seqs start at 1).</summary>
    public long Created => Volatile.Read(ref _createdSnapshot);

    private long _createdSnapshot;

    public long WelcomeDurableSeq { get; private set; }

    public int HeartbeatIntervalSec { get; private set; }

    public bool Connected => _socket?.State == WebSocketState.Open && _closeStatus is null;

    public string? CloseReason => _closeStatus;

    private volatile string? _closeStatus;

    /// <summary>Fills the outbox with <paramref name="count"/> events up front (the backlog of an agent that was offline).</summary>
    public void Preload(long count)
    {
        _outbox.Create(count, DateTime.UtcNow.Ticks);
        Volatile.Write(ref _createdSnapshot, _outbox.LastSeq);
    }

    public async Task ConnectAsync(Uri agentUrl, string token, CancellationToken cancellationToken)
    {
        _closeStatus = null;
        _closing = false;
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.SetBuffer(16 * 1024, 16 * 1024);
        _socket = socket;
        await socket.ConnectAsync(agentUrl, cancellationToken);
        var hello = new Hello(
            Identity.NodeId,
            "bench-" + Identity.NodeId,
            "hal-bench",
            [ProtocolInfo.Current],
            [new ProjectInfo(AgentIdentity.Project, "/srv/bench")],
            [RuntimeNames.OpenCode],
            new ResourceUsage(12.5, 4L << 30, 16L << 30, 50L << 30, 500L << 30),
            [.. Identity.SessionIds.Select(id => new SessionSnapshot(id, AgentIdentity.Project, RuntimeNames.OpenCode, SessionStatuses.Running, "bench-model", "bench session", null, null))],
            Acked + 1,
            _outbox.LastSeq);
        await socket.SendAsync(ProtocolCodec.Encode(MessageTypes.Hello, hello, ProtocolJsonContext.Default.Hello, DateTimeOffset.UtcNow), WebSocketMessageType.Text, true, cancellationToken);
        var buffer = new byte[64 * 1024];
        var length = await ReceiveFrameAsync(socket, buffer, cancellationToken);
        if (length < 0 || !ProtocolCodec.TryDecode(buffer.AsSpan(0, length), out var envelope, out _) || envelope.Type != MessageTypes.Welcome
            || !ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.Welcome, out var welcome, out _))
        {
            throw new InvalidOperationException($"{Identity.NodeId}: no welcome (close {socket.CloseStatus} {socket.CloseStatusDescription})");
        }
        WelcomeDurableSeq = welcome.DurableSeq;
        HeartbeatIntervalSec = welcome.HeartbeatIntervalSec;
        Interlocked.Exchange(ref _acked, welcome.DurableSeq);
        _sent = Math.Max(welcome.DurableSeq, Acked);
        _batch = Math.Max(1, Math.Min(_profile.Batch, welcome.MaxBatchEvents));
        _connectionCts = new CancellationTokenSource();
        _receiveLoop = ReceiveLoopAsync(socket, buffer, _connectionCts.Token);
        _heartbeatLoop = HeartbeatLoopAsync(socket, TimeSpan.FromSeconds(Math.Max(1, welcome.HeartbeatIntervalSec)), _connectionCts.Token);
    }

    /// <summary>
    /// Creates and sends events until <see cref="StopGenerating"/>, then keeps sending until everything created
    /// is acknowledged, the socket closes, or <paramref name="cancellationToken"/> ends the drain.
    /// </summary>
    public async Task PumpAsync(bool generate, CancellationToken cancellationToken)
    {
        _generating = generate;
        var socket = _socket ?? throw new InvalidOperationException("not connected");
        // Each agent's events fall due on its own schedule (a random phase within one interval between two of them), not
        // on the acks: agents acked by the same commit would otherwise send together again one interval later, and the
        // whole fleet would drift into bursts that no set of independent agents produces.
        var started = Stopwatch.GetTimestamp() + (_profile.OpenLoop ? (long)(Random.Shared.NextDouble() / _profile.RatePerAgent * Stopwatch.Frequency) : 0);
        var createdAtStart = _outbox.LastSeq;
        while (!cancellationToken.IsCancellationRequested && Connected)
        {
            var acked = Acked;
            if (_generating)
            {
                Generate(acked, createdAtStart, started);
            }
            else if (acked >= _outbox.LastSeq)
            {
                return;
            }
            var replayFrom = Interlocked.Exchange(ref _replayFrom, 0);
            if (replayFrom > 0)
            {
                _sent = Math.Min(_sent, replayFrom - 1);
            }
            var sendable = Math.Min(_outbox.LastSeq, acked + _profile.Window) - _sent;
            if (sendable > 0)
            {
                var count = (int)Math.Min(sendable, _batch);
                try
                {
                    await SendEventsAsync(socket, _sent + 1, count, cancellationToken);
                }
                catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
                {
                    // The connection dropped (or the bench cut it); the receive loop records why.
                    return;
                }
                _sent += count;
                continue;
            }
            try
            {
                await _wake.WaitAsync(UntilNextDue(started, createdAtStart), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void StopGenerating()
    {
        _generating = false;
        Wake();
    }

    /// <summary>Open loop: until this agent's next event falls due (at least 1 ms, at most a tick); closed loop: a tick.</summary>
    private TimeSpan UntilNextDue(long started, long createdAtStart)
    {
        if (!_profile.OpenLoop || !_generating)
        {
            return _profile.Tick;
        }
        var next = (_outbox.LastSeq - createdAtStart + 1) / _profile.RatePerAgent;
        var wait = next - (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
        return TimeSpan.FromSeconds(Math.Clamp(wait, 0.001, _profile.Tick.TotalSeconds));
    }

    private void Generate(long acked, long createdAtStart, long started)
    {
        long due;
        if (_profile.OpenLoop)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            due = createdAtStart + (long)(elapsed * _profile.RatePerAgent) - _outbox.LastSeq;
        }
        else
        {
            due = acked + _profile.Window - _outbox.LastSeq;
        }
        if (due <= 0)
        {
            return;
        }
        var free = _outbox.Free(acked);
        if (due > free)
        {
            Counters.OutboxFullTicks++;
            due = free;
        }
        _outbox.Create(due, DateTime.UtcNow.Ticks);
        Volatile.Write(ref _createdSnapshot, _outbox.LastSeq);
    }

    private async Task SendEventsAsync(ClientWebSocket socket, long fromSeq, int count, CancellationToken cancellationToken)
    {
        var frame = _frames.Write(fromSeq, count, _outbox);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
        Counters.FramesSent++;
        Counters.EventsSent += count;
        if (AckLatency is not null)
        {
            lock (_inFlight)
            {
                _inFlight.Enqueue((fromSeq + count - 1, Stopwatch.GetTimestamp(), _outbox.CreatedTicks(fromSeq + count - 1)));
            }
        }
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread woke the pump first; one wake is enough.
            }
        }
    }
}
