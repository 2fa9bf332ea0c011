using System.Net.WebSockets;
using System.Text;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// One Socket Mode WebSocket: text frames in (each message at most <see cref="MaxMessageBytes"/>), text frames out one
/// at a time (acks may be sent from several envelopes' handlers at once).
/// </summary>
internal sealed class SlackSocket : IDisposable
{
    /// <summary>The largest envelope read; a button click's payload carries the whole message (tens of KiB).</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public static async Task<SlackSocket> ConnectAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new SlackSocket();
        try
        {
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connect.CancelAfter(timeout);
            await socket._socket.ConnectAsync(url, connect.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next text message; null once the socket is closed. Throws <see cref="WebSocketException"/> for a broken one or an oversized message.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            if (message.Length + result.Count > MaxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.InvalidMessageType, "a Socket Mode message exceeds the size limit");
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                }
                message.SetLength(0);
            }
        }
    }

    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes politely, waiting at most a second for the other side; a socket already gone is just released.</summary>
    public async Task CloseAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
        Dispose();
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
