using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Tests.Support;

/// <summary>A protocol-speaking agent over a real ClientWebSocket, recording everything the supervisor sends.</summary>
internal sealed class TestAgent : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<Envelope> _received = Channel.CreateUnbounded<Envelope>();
    private readonly Task _receiveLoop;
    private readonly TaskCompletionSource<(int Code, string Reason)> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestAgent(ClientWebSocket socket, string nodeId)
    {
        _socket = socket;
        NodeId = nodeId;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    public string NodeId { get; }

    public Welcome? Welcome { get; private set; }

    public Task<(int Code, string Reason)> Closed => _closed.Task;

    public static async Task<TestAgent> OpenAsync(SupervisorHost host, string nodeId, string token = SupervisorHost.Token)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(host.AgentUri, CancellationToken.None);
        return new TestAgent(socket, nodeId);
    }

    /// <summary>Connects and completes the handshake.</summary>
    public static async Task<TestAgent> ConnectAsync(
        SupervisorHost host, string nodeId, IReadOnlyList<SessionSnapshot>? sessions = null,
        IReadOnlyList<ProjectInfo>? projects = null, long outboxFirst = 1, long outboxLast = 0)
    {
        var agent = await OpenAsync(host, nodeId);
        await agent.SendHelloAsync(sessions, projects, outboxFirst, outboxLast);
        var welcome = await agent.ReceiveAsync(MessageTypes.Welcome);
        agent.Welcome = welcome.Payload.Deserialize(ProtocolJsonContext.Default.Welcome);
        return agent;
    }

    public Task SendHelloAsync(IReadOnlyList<SessionSnapshot>? sessions = null, IReadOnlyList<ProjectInfo>? projects = null, long outboxFirst = 1, long outboxLast = 0)
    {
        var hello = new Hello(NodeId, $"host-{NodeId}", "0.1.0-test", [1], projects ?? [new ProjectInfo("alpha", "/work/alpha")],
            [RuntimeNames.OpenCode], new ResourceUsage(12.5, 1000, 8000, 500, 10000), sessions ?? [], outboxFirst, outboxLast);
        return SendAsync(MessageTypes.Hello, hello, ProtocolJsonContext.Default.Hello);
    }

    public Task SendEventsAsync(params AgentEvent[] events) =>
        SendAsync(MessageTypes.Events, new EventBatch(events), ProtocolJsonContext.Default.EventBatch);

    public Task SendAsync<T>(string type, T payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        SendRawAsync(ProtocolCodec.Encode(type, payload, typeInfo, DateTimeOffset.UtcNow));

    public Task SendRawAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendRawAsync(byte[] frame) =>
        await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next frame of <paramref name="type"/>, skipping others (heartbeats, acks…).</summary>
    public async Task<Envelope> ReceiveAsync(string type, int timeoutMs = 10_000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        try
        {
            while (true)
            {
                var envelope = await _received.Reader.ReadAsync(timeout.Token);
                if (envelope.Type == type)
                {
                    return envelope;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no '{type}' frame within {timeoutMs} ms");
        }
        catch (ChannelClosedException)
        {
            var closed = _closed.Task.IsCompleted ? await _closed.Task : (0, "");
            throw new InvalidOperationException($"socket closed ({closed.Item1} {closed.Item2}) before a '{type}' frame");
        }
    }

    /// <summary>The next frame, whatever its type.</summary>
    public async Task<Envelope> ReceiveNextAsync(int timeoutMs = 10_000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no frame within {timeoutMs} ms");
        }
    }

    /// <summary>Waits for an ack covering <paramref name="seq"/>.</summary>
    public async Task WaitForAckAsync(long seq, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var remaining = (int)(deadline - DateTime.UtcNow).TotalMilliseconds;
            var ack = (await ReceiveAsync(MessageTypes.Ack, Math.Max(remaining, 1))).Payload.Deserialize(ProtocolJsonContext.Default.Ack)!;
            if (ack.Seq >= seq)
            {
                return;
            }
        }
    }

    public async Task<(int Code, string Reason)> WaitClosedAsync(int timeoutMs = 10_000) => await _closed.Task.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (true)
            {
                using var frame = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult(((int)(result.CloseStatus ?? 0), result.CloseStatusDescription ?? ""));
                        if (_socket.State == WebSocketState.CloseReceived)
                        {
                            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                        }
                        return;
                    }
                    frame.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                if (ProtocolCodec.TryDecode(frame.ToArray(), out var envelope, out _))
                {
                    _received.Writer.TryWrite(envelope);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _closed.TrySetResult((-1, ex.Message));
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(2000);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
                await _closed.Task.WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
            {
            }
        }
        _socket.Abort();
        await _receiveLoop;
        _socket.Dispose();
    }
}
