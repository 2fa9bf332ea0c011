using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HalOSwarm.Testing.FakeChat.Discord;

/// <summary>
/// The fake's Gateway: Hello (op 10) with <see cref="HeartbeatIntervalMs"/>, heartbeat acks (op 11), Identify (op 2) →
/// READY (session_id, resume_gateway_url pointing back here), Resume (op 6) → the dispatches missed since its
/// <c>seq</c> and RESUMED, or op 9 for an unknown session; a wrong token is closed with 4004. Dispatches sent while no
/// socket is up are kept for the resume. Tests drop the socket, send op 7, or dispatch interactions.
/// </summary>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    private readonly FakeDiscordServer _server;
    private readonly ConcurrentQueue<FakeDiscordGatewayFrame> _frames = new();
    private readonly List<(long Seq, string Json)> _dispatches = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private WebSocket? _socket;
    private bool _ready;
    private string? _sessionId;
    private long _seq;
    private int _connections;

    internal FakeDiscordGateway(FakeDiscordServer server) => _server = server;

    /// <summary>What Hello announces; small in tests so heartbeats come quickly.</summary>
    public int HeartbeatIntervalMs { get; set; } = 1000;

    /// <summary>While false, heartbeats are not acknowledged (the bot should reconnect).</summary>
    public bool AckHeartbeats { get; set; } = true;

    public IReadOnlyList<FakeDiscordGatewayFrame> Frames => [.. _frames];

    public IReadOnlyList<FakeDiscordGatewayFrame> FramesOf(int op) => [.. _frames.Where(f => f.Op == op)];

    public string? SessionId => _sessionId;

    /// <summary>The last sequence number dispatched.</summary>
    public long Sequence => Interlocked.Read(ref _seq);

    /// <summary>WebSocket connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>True while a socket is up and identified or resumed.</summary>
    public bool Ready
    {
        get
        {
            lock (_lock)
            {
                return _ready && _socket is { State: WebSocketState.Open };
            }
        }
    }

    /// <summary>Drops the socket without a close frame (a network failure).</summary>
    public void DropSocket()
    {
        lock (_lock)
        {
            _ready = false;
            _socket?.Abort();
        }
    }

    /// <summary>Sends op 7 Reconnect.</summary>
    public Task SendReconnectAsync() => SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });

    /// <summary>Sends op 9 Invalid Session; <paramref name="resumable"/> false: the session is gone, identify again.</summary>
    public Task SendInvalidSessionAsync(bool resumable) => SendAsync(new JsonObject { ["op"] = 9, ["d"] = resumable });

    /// <summary>
    /// Dispatches INTERACTION_CREATE with <paramref name="interaction"/> (see <see cref="FakeDiscordInteractions"/>); while
    /// no socket is ready it is kept and replayed on resume. Returns its sequence number.
    /// </summary>
    public Task<long> SendInteractionAsync(JsonObject interaction) => DispatchAsync("INTERACTION_CREATE", interaction);

    public async Task<long> DispatchAsync(string type, JsonObject data)
    {
        long seq;
        string json;
        bool live;
        lock (_lock)
        {
            seq = ++_seq;
            json = new JsonObject { ["op"] = 0, ["s"] = seq, ["t"] = type, ["d"] = data }.ToJsonString();
            _dispatches.Add((seq, json));
            live = _ready && _socket is { State: WebSocketState.Open };
        }
        if (live)
        {
            await SendTextAsync(json);
        }
        return seq;
    }

    internal async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        lock (_lock)
        {
            _socket = socket;
            _ready = false;
        }
        Interlocked.Increment(ref _connections);
        await SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
        try
        {
            while (await ReceiveAsync(socket) is { } text)
            {
                var root = JsonNode.Parse(text)!.AsObject();
                var op = root["op"]!.GetValue<int>();
                _frames.Enqueue(new FakeDiscordGatewayFrame(op, text));
                switch (op)
                {
                    case 1 when AckHeartbeats:
                        await SendAsync(new JsonObject { ["op"] = 11 });
                        break;
                    case 2:
                        await IdentifyAsync(socket, root["d"]!);
                        break;
                    case 6:
                        await ResumeAsync(root["d"]!);
                        break;
                    default:
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or JsonException)
        {
            // The socket was dropped (by a test or the bot).
        }
        lock (_lock)
        {
            if (ReferenceEquals(_socket, socket))
            {
                _socket = null;
                _ready = false;
            }
        }
    }

    private async Task IdentifyAsync(WebSocket socket, JsonNode data)
    {
        if (data["token"]?.GetValue<string>() != FakeDiscordServer.BotToken)
        {
            await socket.CloseAsync((WebSocketCloseStatus)4004, "Authentication failed.", CancellationToken.None);
            return;
        }
        lock (_lock)
        {
            _sessionId = Guid.NewGuid().ToString("N");
            _dispatches.Clear();
            _ready = true;
        }
        await DispatchAsync("READY", new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = FakeDiscordServer.BotUserId, ["username"] = "hal", ["discriminator"] = "0", ["bot"] = true },
            ["guilds"] = new JsonArray(new JsonObject { ["id"] = FakeDiscordServer.GuildId, ["unavailable"] = true }),
            ["session_id"] = _sessionId,
            ["resume_gateway_url"] = _server.ResumeGatewayUrl,
            ["application"] = new JsonObject { ["id"] = FakeDiscordServer.ApplicationId, ["flags"] = 0 },
        });
    }

    private async Task ResumeAsync(JsonNode data)
    {
        var session = data["session_id"]?.GetValue<string>();
        var since = data["seq"]?.GetValue<long>() ?? 0;
        List<string> missed;
        lock (_lock)
        {
            if (data["token"]?.GetValue<string>() != FakeDiscordServer.BotToken || session is null || session != _sessionId)
            {
                missed = [];
            }
            else
            {
                missed = [.. _dispatches.Where(d => d.Seq > since).Select(d => d.Json)];
                _ready = true;
            }
        }
        if (!Ready)
        {
            await SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
            return;
        }
        foreach (var json in missed)
        {
            await SendTextAsync(json);
        }
        await DispatchAsync("RESUMED", []);
    }

    private Task SendAsync(JsonObject payload) => SendTextAsync(payload.ToJsonString());

    private async Task SendTextAsync(string json)
    {
        WebSocket? socket;
        lock (_lock)
        {
            socket = _socket;
        }
        if (socket is not { State: WebSocketState.Open })
        {
            return;
        }
        await _sendGate.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Dropped meanwhile.
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private static async Task<string?> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        DropSocket();
        _sendGate.Dispose();
        return ValueTask.CompletedTask;
    }
}
