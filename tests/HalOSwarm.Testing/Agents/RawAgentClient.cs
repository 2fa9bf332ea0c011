using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Testing.Agents;

/// <summary>
/// A bare protocol peer over a real WebSocket, for tests that need to say exactly what goes on the wire
/// (bad frames, hand-made seqs) to a real supervisor.
/// </summary>
public sealed class RawAgentClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[1 << 20];

    public string NodeId { get; }

    public RawAgentClient(string nodeId) => NodeId = nodeId;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public async Task ConnectAsync(int agentPort, string token, CancellationToken cancellationToken = default)
    {
        _socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{agentPort}{ProtocolInfo.AgentPath}"), cancellationToken);
    }

    public Hello MakeHello(params ProjectInfo[] projects) => new(
        NodeId,
        "raw-" + NodeId,
        "test",
        [ProtocolInfo.Current],
        projects,
        [RuntimeNames.OpenCode],
        new ResourceUsage(1, 1, 2, 1, 2),
        [],
        1,
        0);

    /// <summary>Sends hello and returns the welcome.</summary>
    public async Task<Welcome> HandshakeAsync(Hello? hello = null, CancellationToken cancellationToken = default)
    {
        await SendAsync(MessageTypes.Hello, hello ?? MakeHello(), ProtocolJsonContext.Default.Hello, cancellationToken);
        var envelope = await ReceiveAsync(cancellationToken) ?? throw new InvalidOperationException($"closed: {CloseStatus} {CloseDescription}");
        if (envelope.Type != MessageTypes.Welcome)
        {
            throw new InvalidOperationException("expected welcome, got " + envelope.Type);
        }
        return envelope.Payload.Deserialize(ProtocolJsonContext.Default.Welcome)!;
    }

    public Task SendAsync<T>(string type, T payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) =>
        SendRawAsync(ProtocolCodec.Encode(type, payload, typeInfo, DateTimeOffset.UtcNow), cancellationToken);

    public Task SendRawAsync(string text, CancellationToken cancellationToken = default) =>
        SendRawAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    public async Task SendRawAsync(byte[] frame, CancellationToken cancellationToken = default) =>
        await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Sends <c>message.delta</c> events with the given seqs for one session.</summary>
    public Task SendEventsAsync(string sessionId, IEnumerable<long> seqs, CancellationToken cancellationToken = default)
    {
        var events = seqs.Select(seq => new AgentEvent(
            seq,
            EventTypes.MessageDelta,
            sessionId,
            DateTimeOffset.UtcNow,
            ProtocolCodec.ToElement(new MessageDeltaData("msg_1", "prt_1", $"text {seq} "), ProtocolJsonContext.Default.MessageDeltaData))).ToList();
        return SendAsync(MessageTypes.Events, new EventBatch(events), ProtocolJsonContext.Default.EventBatch, cancellationToken);
    }

    /// <summary>The next envelope, or null once the peer closed (see <see cref="CloseStatus"/>).</summary>
    public async Task<Envelope?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(_buffer.AsMemory(count), cancellationToken);
            }
            catch (WebSocketException)
            {
                return null;
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            count += result.Count;
            if (result.EndOfMessage)
            {
                return ProtocolCodec.TryDecode(_buffer.AsSpan(0, count), out var envelope, out var error)
                    ? envelope
                    : throw new InvalidOperationException("supervisor sent a bad frame: " + error);
            }
        }
    }

    /// <summary>Reads frames until an ack for at least <paramref name="seq"/> arrives; returns the acked seq.</summary>
    public async Task<long> WaitForAckAsync(long seq, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var envelope = await ReceiveAsync(cts.Token) ?? throw new InvalidOperationException($"closed: {CloseStatus} {CloseDescription}");
            if (envelope.Type == MessageTypes.Ack)
            {
                var acked = envelope.Payload.GetProperty("seq").GetInt64();
                if (acked >= seq)
                {
                    return acked;
                }
            }
        }
    }

    /// <summary>Reads until the supervisor closes the socket; returns its close status and reason.</summary>
    public async Task<(WebSocketCloseStatus? Status, string? Reason)> WaitForCloseAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (await ReceiveAsync(cts.Token) is not null)
        {
        }
        return (CloseStatus, CloseDescription);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }
}
