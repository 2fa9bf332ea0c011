using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HalOSwarm.Testing.FakeChat.Slack;

public sealed partial class FakeSlack
{
    private async Task SocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !int.TryParse(context.Request.Query["ticket"], NumberStyles.None, CultureInfo.InvariantCulture, out var ticket)
            || ticket <= 0 || ticket > ConnectionsOpened)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        FakeSlackConnection connection;
        lock (_lock)
        {
            connection = new FakeSlackConnection(_connections.Count + 1, socket);
        }
        await connection.SendAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = 1,
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake-1", ["build_number"] = 1, ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = FakeSlackPayloads.AppId },
        }.ToJsonString(), context.RequestAborted);
        lock (_lock)
        {
            _connections.Add(connection);
        }
        try
        {
            await ReadAcksAsync(connection, context.RequestAborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            connection.Closed.TrySetResult();
        }
    }

    private async Task ReadAcksAsync(FakeSlackConnection connection, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (connection.Socket.State == WebSocketState.Open)
        {
            var result = await connection.Socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
                return;
            }
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }
            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            try
            {
                if (JsonNode.Parse(text) is JsonObject ack && ack["envelope_id"]?.GetValue<string>() is { } id)
                {
                    _acks.Enqueue(new FakeSlackAck(id, ack["payload"] as JsonObject, connection.Number));
                }
            }
            catch (JsonException)
            {
            }
        }
    }

    /// <summary>The newest connection still open (envelopes go there, as Slack sends on one of the app's connections).</summary>
    private FakeSlackConnection Current()
    {
        lock (_lock)
        {
            return _connections.LastOrDefault(c => c.Socket.State == WebSocketState.Open)
                ?? throw new InvalidOperationException("no Socket Mode connection is open");
        }
    }

    /// <summary>Sends a user's slash command as a <c>slash_commands</c> envelope; returns the envelope id.</summary>
    public async Task<string> SendSlashCommandAsync(string command, string text, string userId, string channelId, string? responseUrl = null)
    {
        var payload = FakeSlackPayloads.SlashCommandJson(FakeSlackPayloads.SlashCommand(command, text, userId, channelId, responseUrl ?? ResponseUrl()));
        return await SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true);
    }

    /// <summary>Sends a button click as an <c>interactive</c> envelope (a <c>block_actions</c> payload); returns the envelope id.</summary>
    public Task<string> SendBlockActionAsync(string userId, string channelId, string messageTs, string actionId, string? value, string? responseUrl = null) =>
        SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockActions(userId, channelId, messageTs, actionId, value, responseUrl ?? ResponseUrl()), acceptsResponsePayload: false);

    public async Task<string> SendEnvelopeAsync(string type, JsonObject payload, bool acceptsResponsePayload)
    {
        var id = Guid.NewGuid().ToString();
        var envelope = new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["payload"] = payload,
            ["accepts_response_payload"] = acceptsResponsePayload,
        };
        if (type == "events_api")
        {
            envelope["retry_attempt"] = 0;
            envelope["retry_reason"] = "";
        }
        await Current().SendAsync(envelope.ToJsonString(), CancellationToken.None);
        return id;
    }

    /// <summary>Tells the client to reconnect, as Slack does before it retires a connection.</summary>
    public Task SendDisconnectAsync(string reason = "refresh_requested") =>
        Current().SendAsync(new JsonObject
        {
            ["type"] = "disconnect",
            ["reason"] = reason,
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake-1" },
        }.ToJsonString(), CancellationToken.None);

    /// <summary>Breaks the newest connection without a close handshake (a network drop).</summary>
    public void DropSocket() => Current().Socket.Abort();

    /// <summary>True once the connection numbered <paramref name="number"/> (1 = first) has ended.</summary>
    public bool IsClosed(int number)
    {
        lock (_lock)
        {
            return number <= _connections.Count && _connections[number - 1].Closed.Task.IsCompleted;
        }
    }

    /// <summary>Parses a recorded JSON text (for tests reading a block's field).</summary>
    public static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
