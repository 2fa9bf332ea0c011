using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// One Gateway connection: Hello (op 10) → heartbeats (op 1, the first after a random part of the interval) → Identify
/// (op 2) or Resume (op 6) → dispatches (op 0: READY, RESUMED, INTERACTION_CREATE). A heartbeat not acknowledged (op 11)
/// before the next one is due, op 7 Reconnect or a closed socket ends it for a resume; op 9 Invalid Session with
/// <c>d: false</c> forgets the session first. Sends are serialized (the heartbeat runs beside the reader).
/// </summary>
internal sealed partial class DiscordGatewayConnection(
    DiscordGateway gateway,
    string botToken,
    DiscordGatewaySession session,
    DiscordInteractions interactions,
    DiscordRestClient rest,
    TimeProvider timeProvider,
    ILogger logger) : IAsyncDisposable
{
    /// <summary>Largest Gateway message read (Discord's own payloads stay far below).</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _heartbeat;
    private volatile bool _acked = true;
    private bool _healthy;

    public async Task<DiscordGatewayEnd> RunAsync(Uri url, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        var token = linked.Token;
        var resuming = session.CanResume;
        await _socket.ConnectAsync(WithQuery(url), token);
        var hello = await ReceiveAsync(token) ?? throw new WebSocketException("closed before Hello");
        using (hello)
        {
            if (Op(hello) != 10)
            {
                throw new InvalidOperationException("the Gateway did not start with Hello");
            }
            var interval = TimeSpan.FromMilliseconds(Math.Clamp(hello.RootElement.GetProperty("d").GetProperty("heartbeat_interval").GetDouble(), 100, 600_000));
            _heartbeat = HeartbeatAsync(interval, token);
        }
        if (resuming)
        {
            await SendAsync(new JsonObject
            {
                ["op"] = 6,
                ["d"] = new JsonObject { ["token"] = botToken, ["session_id"] = session.SessionId, ["seq"] = session.Sequence },
            }, token);
        }
        else
        {
            await SendAsync(Identify(), token);
        }
        while (true)
        {
            using var message = await ReceiveAsync(token);
            if (message is null)
            {
                return Closed();
            }
            var root = message.RootElement;
            switch (Op(message))
            {
                case 0:
                    if (root.TryGetProperty("s", out var s) && s.TryGetInt64(out var seq))
                    {
                        session.Sequence = seq;
                    }
                    Dispatch(root.GetProperty("t").GetString(), root.GetProperty("d"));
                    break;
                case 1:
                    await SendAsync(new JsonObject { ["op"] = 1, ["d"] = session.Sequence }, token);
                    break;
                case 7:
                    LogReconnectAsked(logger);
                    gateway.Report("connecting", "asked to reconnect; resuming");
                    return DiscordGatewayEnd.Reconnect;
                case 9:
                    if (root.TryGetProperty("d", out var d) && d.ValueKind != JsonValueKind.True)
                    {
                        session.Forget();
                    }
                    LogInvalidSession(logger, session.CanResume);
                    // Discord asks for a pause of 1-5 seconds before identifying again: the back-off gives it.
                    return DiscordGatewayEnd.Failed;
                case 11:
                    _acked = true;
                    break;
                default:
                    break;
            }
        }
    }

    private void Dispatch(string? type, JsonElement data)
    {
        switch (type)
        {
            case "READY":
                session.SessionId = data.GetProperty("session_id").GetString();
                session.ResumeUrl = Uri.TryCreate(data.GetProperty("resume_gateway_url").GetString(), UriKind.Absolute, out var resume) ? resume : null;
                gateway.Report("connected", null);
                _healthy = true;
                LogReady(logger);
                break;
            case "RESUMED":
                gateway.Report("connected", null);
                _healthy = true;
                LogResumed(logger, session.Sequence ?? 0);
                break;
            case "INTERACTION_CREATE":
                if (DiscordInteraction.TryParse(data) is { } interaction)
                {
                    interactions.Run(async ct =>
                    {
                        var response = await interactions.HandleAsync(interaction, ct);
                        await rest.InteractionCallbackAsync(interaction.Id, interaction.Token, response.Body, ct);
                        if (response.After is { } after)
                        {
                            await after(ct);
                        }
                    });
                }
                else
                {
                    LogMalformed(logger);
                }
                break;
            default:
                break;
        }
    }

    /// <summary>The close code decides: 4004 (authentication failed) and 4010-4014 (bad shard, intents) are for good.</summary>
    private DiscordGatewayEnd Closed()
    {
        var code = (int?)_socket.CloseStatus ?? 0;
        LogClosed(logger, code);
        if (code is 4004 or >= 4010 and <= 4014)
        {
            gateway.Report("degraded", $"the Gateway refused the bot (close code {code}); check channels.discord.bot_token");
            return DiscordGatewayEnd.Fatal;
        }
        if (code is 4007 or 4009)
        {
            session.Forget();
        }
        gateway.Report("connecting", $"socket closed ({code}); resuming");
        // A connection that was up and dropped resumes at once; one that never got READY/RESUMED backs off.
        return _healthy || code is 4007 or 4009 ? DiscordGatewayEnd.Reconnect : DiscordGatewayEnd.Failed;
    }

    private async Task HeartbeatAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * Random.Shared.NextDouble(), timeProvider, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!_acked)
                {
                    LogZombie(logger);
                    _socket.Abort();
                    return;
                }
                _acked = false;
                await SendAsync(new JsonObject { ["op"] = 1, ["d"] = session.Sequence }, cancellationToken);
                await Task.Delay(interval, timeProvider, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is ending; the reader reports why.
        }
    }

    private JsonObject Identify() => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = botToken,
            ["intents"] = 0,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "hal-supervisor", ["device"] = "hal-supervisor" },
        },
    };

    private async Task SendAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, cancellationToken);
            }
            catch (WebSocketException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                throw new InvalidOperationException("a Gateway message over 4 MiB");
            }
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(message.ToArray());
            }
        }
    }

    private static int Op(JsonDocument message) =>
        message.RootElement.TryGetProperty("op", out var op) && op.TryGetInt32(out var value) ? value : -1;

    private static Uri WithQuery(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_heartbeat is not null)
        {
            await _heartbeat;
        }
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                // 4000: not 1000, so Discord keeps the session for a resume.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync((WebSocketCloseStatus)4000, "reconnecting", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // Gone already.
            }
        }
        _socket.Dispose();
        _sendGate.Dispose();
        _stop.Dispose();
    }
}
