using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace HalOSwarm.Testing.ClientApi;

/// <summary>
/// A raw client of the supervisor's client WebSocket (<c>/api/v1/ws</c>): a <see cref="ClientWebSocket"/> whose messages a
/// background loop reads into a queue, so a test can wait for one with a timeout without aborting the socket.
/// </summary>
public sealed class ClientSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _reading;

    private ClientSocket(ClientWebSocket socket)
    {
        _socket = socket;
        _reading = ReadAsync();
    }

    public WebSocket Socket => _socket;

    /// <summary>The first message, which tells the caller's actor, role and the connection's limits.</summary>
    public JsonElement Welcome { get; private set; }

    /// <summary>The close status the supervisor sent, once the socket closed.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    /// <summary>Connects to <c>ws://127.0.0.1:PORT/api/v1/ws</c> with the token (none when null) and reads the welcome.</summary>
    public static async Task<ClientSocket> ConnectAsync(int httpPort, string? token, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        }
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{httpPort}/api/v1/ws"), timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var client = new ClientSocket(socket);
        client.Welcome = await client.ReceiveAsync("welcome");
        return client;
    }

    /// <summary>The HTTP status of a refused upgrade (<see cref="ClientWebSocketOptions.CollectHttpResponseDetails"/>).</summary>
    public static async Task<int> RefusedStatusAsync(int httpPort, string? token, Action<ClientWebSocketOptions>? configure = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        }
        configure?.Invoke(socket.Options);
        try
        {
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{httpPort}/api/v1/ws"), CancellationToken.None);
        }
        catch (WebSocketException)
        {
            return (int)socket.HttpStatusCode;
        }
        throw new InvalidOperationException("the upgrade was accepted");
    }

    public Task SendAsync(string json) => SendAsync(Encoding.UTF8.GetBytes(json));

    public async Task SendAsync(byte[] bytes) =>
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next message; <see cref="TimeoutException"/> when none comes in time, null once the socket closed.</summary>
    public async Task<JsonElement?> ReceiveAsync(int timeoutMs = 10_000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        try
        {
            return await _messages.Reader.WaitToReadAsync(timeout.Token) && _messages.Reader.TryRead(out var message) ? message : null;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no message within {timeoutMs} ms");
        }
    }

    /// <summary>Reads until a message of <paramref name="type"/> matching <paramref name="match"/>; what came before goes to <paramref name="skipped"/>.</summary>
    public async Task<JsonElement> ReceiveAsync(string type, Func<JsonElement, bool>? match = null, List<JsonElement>? skipped = null, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var left = (int)Math.Max(1, (deadline - DateTime.UtcNow).TotalMilliseconds);
            var message = await ReceiveAsync(left) ?? throw new InvalidOperationException(
                $"the socket closed ({CloseStatus} {CloseReason}) before a {type} message; before it: {string.Join(" ", skipped ?? [])}");
            if (message.GetProperty("type").GetString() == type && (match is null || match(message)))
            {
                return message;
            }
            skipped?.Add(message);
        }
    }

    /// <summary>Waits until the supervisor closed the socket; the close status it sent.</summary>
    public async Task<WebSocketCloseStatus?> WaitClosedAsync(int timeoutMs = 10_000)
    {
        await _reading.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
        return CloseStatus;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                _messages.Writer.TryWrite(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
            }
        }
        catch (WebSocketException)
        {
            // The connection was cut.
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
                await _reading.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
            {
            }
        }
        _socket.Dispose();
    }
}
