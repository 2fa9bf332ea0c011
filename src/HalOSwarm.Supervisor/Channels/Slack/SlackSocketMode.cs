using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// Slack's Socket Mode (<c>channels.slack.mode: socket</c>, no public endpoint): apps.connections.open with the app
/// token, a WebSocket to the URL it gives, <c>hello</c>, then envelopes acknowledged within 3 s with
/// <c>{envelope_id, payload?}</c> — a slash command's reply rides in its ack's payload. On <c>{"type":"disconnect"}</c>
/// (Slack refreshes connections every few hours) a new connection is opened first and the old one closed; a socket
/// that drops or cannot be opened is tried again after 1 s, doubling up to 30 s (±20 %).
/// </summary>
internal sealed partial class SlackSocketMode(
    SlackWebClient client, SlackInbound inbound, SlackStatus status, IOptions<ChannelsOptions> options, TimeProvider timeProvider,
    ILogger<SlackSocketMode> logger) : BackgroundService
{
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Task, byte> _handlers = new();
    private TimeSpan _backoff = s_firstBackoff;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slack = options.Value.Slack;
        if (!SlackChecks.IsConfigured(slack) || slack.Mode != SlackModes.Socket)
        {
            return;
        }
        SlackSocket? socket = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    socket ??= await ConnectAsync(stoppingToken);
                    if (await ReadAsync(socket, stoppingToken) is { } reason)
                    {
                        // Slack asked for a new connection: open it before letting the old one go.
                        LogRefresh(logger, reason);
                        var next = await ConnectAsync(stoppingToken);
                        await socket.CloseAsync();
                        socket = next;
                        continue;
                    }
                    LogDropped(logger, "the socket was closed");
                    status.Set("degraded", "the Socket Mode connection was closed; reconnecting");
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Whatever broke the connection (refused, dropped, a frame that is not JSON), the answer is a new one.
                    var detail = ex is ChannelDeliveryException ? ex.Message : ex.GetType().Name;
                    LogDropped(logger, detail);
                    status.Set("degraded", "Socket Mode: " + detail + "; reconnecting");
                }
                if (socket is not null)
                {
                    await socket.CloseAsync();
                    socket = null;
                }
                await Task.Delay(Jitter(_backoff), timeProvider, stoppingToken);
                _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, s_maxBackoff.Ticks));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (socket is not null)
            {
                await socket.CloseAsync();
            }
            await Task.WhenAll(_handlers.Keys).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<SlackSocket> ConnectAsync(CancellationToken cancellationToken)
    {
        status.Set(status.Status.State == "connected" ? "connected" : "connecting", null);
        var url = await client.OpenConnectionAsync(cancellationToken);
        return await SlackSocket.ConnectAsync(url, s_connectTimeout, cancellationToken);
    }

    /// <summary>Reads until the socket closes (null) or Slack asks for a new connection (the reason).</summary>
    private async Task<string?> ReadAsync(SlackSocket socket, CancellationToken cancellationToken)
    {
        while (await socket.ReceiveAsync(cancellationToken) is { } text)
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type == "hello")
            {
                _backoff = s_firstBackoff;
                status.Set("connected", null);
                LogConnected(logger);
            }
            else if (type == "disconnect")
            {
                var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "unknown";
                return reason.Length <= 64 && reason.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? reason : "unknown";
            }
            else if (root.TryGetProperty("envelope_id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= 128 } envelopeId)
            {
                var handler = HandleAsync(socket, envelopeId, type, root.Clone(), cancellationToken);
                _handlers.TryAdd(handler, 0);
                _ = handler.ContinueWith(h => _handlers.TryRemove(h, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        return null;
    }

    private async Task HandleAsync(SlackSocket socket, string envelopeId, string? type, JsonElement envelope, CancellationToken cancellationToken)
    {
        var payload = envelope.TryGetProperty("payload", out var p) ? p : default;
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        try
        {
            if (type == "slash_commands" && SlackCommand.From(payload) is { } command)
            {
                var reply = await inbound.CommandAsync(command, cancellationToken);
                var acceptsPayload = envelope.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True;
                if (acceptsPayload)
                {
                    ack["payload"] = reply;
                }
                await socket.SendAsync(ack.ToJsonString(), cancellationToken);
                if (!acceptsPayload && command.ResponseUrl is { } url)
                {
                    await client.RespondAsync(url, reply, cancellationToken);
                }
                return;
            }
            await socket.SendAsync(ack.ToJsonString(), cancellationToken);
            if (type == "interactive" && SlackClick.From(payload) is { } click)
            {
                inbound.Click(click);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or ChannelDeliveryException or HttpRequestException or OperationCanceledException)
        {
            // The socket went away under the ack (Slack delivers the envelope again on the next connection).
            LogAckFailed(logger, type ?? "unknown", ex.GetType().Name);
        }
    }

    private static TimeSpan Jitter(TimeSpan wait) => wait * (0.8 + (Random.Shared.NextDouble() * 0.4));
}
