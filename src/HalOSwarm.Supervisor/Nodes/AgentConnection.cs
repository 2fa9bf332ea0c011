using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// One agent socket. All sends go through one loop (a WebSocket allows one send at a time), so the writer, the
/// heartbeat sweeper and command dispatch can queue frames from any thread without blocking.
/// </summary>
internal sealed class AgentConnection : IDisposable
{
    private static readonly TimeSpan s_closeGrace = TimeSpan.FromSeconds(2);
    private readonly WebSocket _socket;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<OutboundFrame> _outbound = Channel.CreateUnbounded<OutboundFrame>(new() { SingleReader = true });
    private readonly CancellationTokenSource _closing;
    /// <summary>An <see cref="OutboundFrame"/> without a frame and with this code: send the latest pending ack.</summary>
    private const int AckMarker = -1;
    private long _lastSeenTicks;
    private long _pendingAck;
    private long _agentLastSeq;
    private long _sentAck; // owned by the send loop
    // Owned by the send loop too: every ack is encoded into it (an ack per commit per node is the most frequent frame
    // the supervisor sends; a fresh buffer each time was most of what it allocated per event).
    private readonly ArrayBufferWriter<byte> _ackBuffer = new(8192);
    private int _ackQueued;
    private int _closeRequested;
    private volatile bool _welcomed;

    /// <summary>The frames read from this connection on their way to the writer's bulk lane; set once the hello is answered.</summary>
    public IngestStage? Ingest { get; set; }

    public AgentConnection(WebSocket socket, string remote, TimeProvider timeProvider)
    {
        _socket = socket;
        Remote = remote;
        _timeProvider = timeProvider;
        _closing = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        Touch();
    }

    public string Remote { get; }

    public WebSocket Socket => _socket;

    public Hello? Hello { get; set; }

    public string? NodeId => Hello?.NodeId;

    /// <summary>The next seq this connection accepts; owned by the read loop.</summary>
    public long ExpectedSeq { get; set; }

    /// <summary>
    /// The first seq of the agent's outbox when the hello said it starts past the durable seq (0 otherwise): the one
    /// jump forward the connection accepts, when that event arrives; owned by the read loop.
    /// </summary>
    public long ClaimedResumeFrom { get; set; }

    /// <summary>A replay was asked for and events past the gap are dropped until it arrives; owned by the read loop.</summary>
    public bool AwaitingReplay { get; set; }

    public int? CloseCode { get; private set; }

    public string? CloseReason { get; private set; }

    /// <summary>Cancelled a short grace after a close was requested, to end reads the peer never answers.</summary>
    public CancellationToken Closing => _closing.Token;

    public bool IsClosing => Volatile.Read(ref _closeRequested) != 0;

    public DateTimeOffset LastSeen => new(Interlocked.Read(ref _lastSeenTicks), TimeSpan.Zero);

    public void Touch() => Interlocked.Exchange(ref _lastSeenTicks, _timeProvider.GetUtcNow().UtcTicks);

    public void Send(byte[] frame) => _outbound.Writer.TryWrite(new OutboundFrame(frame, 0, null));

    /// <summary>Queues the welcome; the agent's silence is counted from here (it waits for the welcome before it talks).</summary>
    public void SendWelcome(byte[] frame)
    {
        Touch();
        Send(frame);
        _welcomed = true;
    }

    /// <summary>
    /// The highest seq this agent is known to hold (its hello's or heartbeat's <c>outbox_last_seq</c>, or an event read);
    /// minus <see cref="AckedSeq"/> it is the node's unacknowledged outbox as far as the supervisor knows.
    /// </summary>
    public long AgentLastSeq => Interlocked.Read(ref _agentLastSeq);

    /// <summary>The durable seq told to the agent (welcome, then acks).</summary>
    public long AckedSeq => Interlocked.Read(ref _pendingAck);

    public void SawAgentSeq(long seq) => Raise(ref _agentLastSeq, seq);

    /// <summary>The durable seq the welcome tells the agent: acks start from it.</summary>
    public void Welcomed(long durableSeq) => Raise(ref _pendingAck, durableSeq);

    private static void Raise(ref long field, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref field)) < value && Interlocked.CompareExchange(ref field, value, current) != current)
        {
        }
    }

    /// <summary>The welcome is queued: frames sent from now on reach the agent after it, as the protocol requires.</summary>
    public bool IsWelcomed => _welcomed;

    /// <summary>
    /// Acks are cumulative: while one is waiting in the send queue, a newer seq only raises it, so a connection whose
    /// sends lag behind the writer's commits gets one ack with the latest seq instead of one per commit.
    /// </summary>
    public void SendAck(long seq)
    {
        if (!IsWelcomed || IsClosing)
        {
            return;
        }
        Raise(ref _pendingAck, seq);
        if (Interlocked.Exchange(ref _ackQueued, 1) == 0)
        {
            _outbound.Writer.TryWrite(new OutboundFrame(null, AckMarker, null));
        }
    }

    /// <summary>The ack to send now, encoded into the send loop's own buffer (valid until the next call); null when none is due.</summary>
    private ReadOnlyMemory<byte>? TakeAck()
    {
        Volatile.Write(ref _ackQueued, 0);
        var seq = Interlocked.Read(ref _pendingAck);
        if (seq <= _sentAck)
        {
            return null;
        }
        _sentAck = seq;
        _ackBuffer.ResetWrittenCount();
        ProtocolCodec.Encode(_ackBuffer, MessageTypes.Ack, new Ack(seq), ProtocolJsonContext.Default.Ack, _timeProvider.GetUtcNow());
        return _ackBuffer.WrittenMemory;
    }

    /// <summary>Queues the close after whatever is already queued; only the first request counts.</summary>
    public bool RequestClose(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) != 0)
        {
            return false;
        }
        CloseCode = code;
        CloseReason = reason;
        _outbound.Writer.TryWrite(new OutboundFrame(null, code, Truncate(reason)));
        _outbound.Writer.TryComplete();
        _closing.CancelAfter(s_closeGrace);
        return true;
    }

    public async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                if (item.Frame is not null)
                {
                    await _socket.SendAsync(item.Frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                }
                else if (item.CloseCode == AckMarker)
                {
                    if (TakeAck() is { } ack)
                    {
                        await _socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                    }
                }
                else
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync((WebSocketCloseStatus)item.CloseCode, item.CloseReason, cancellationToken);
                    }
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is gone; the read loop sees the same and ends the connection.
        }
    }

    private static string Truncate(string reason)
    {
        // A close reason may hold at most 123 bytes of UTF-8.
        if (Encoding.UTF8.GetByteCount(reason) <= 123)
        {
            return reason;
        }
        var text = reason;
        while (Encoding.UTF8.GetByteCount(text) > 120)
        {
            text = text[..^1];
        }
        return text + "...";
    }

    public void Dispose()
    {
        _closing.Dispose();
        Ingest?.Dispose();
    }
}
