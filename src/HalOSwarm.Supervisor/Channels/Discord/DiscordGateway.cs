using System.Net.WebSockets;
using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// Receives interactions over Discord's Gateway (<c>mode: gateway</c>; an outbound WebSocket, so it works behind NAT):
/// identify once, heartbeat as Hello says, resume after a dropped socket or op 7 on the session's resume URL, identify
/// again after an invalid session, back off on repeated failures. One connection at a time (<see cref="DiscordGatewayConnection"/>).
/// Reports its state as the <c>discord</c> channel status.
/// </summary>
internal sealed partial class DiscordGateway : BackgroundService, IChannelStatusSource
{
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_longestBackoff = TimeSpan.FromSeconds(60);

    private readonly DiscordOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly DiscordInteractions _interactions;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DiscordGateway> _logger;
    private readonly DiscordGatewaySession _session = new();
    private volatile ChannelStatus _status;

    public DiscordGateway(IOptions<ChannelsOptions> options, DiscordRestClient rest, DiscordInteractions interactions, TimeProvider timeProvider,
        ILogger<DiscordGateway> logger)
    {
        _options = options.Value.Discord;
        _rest = rest;
        _interactions = interactions;
        _timeProvider = timeProvider;
        _logger = logger;
        _status = _rest.Configured
            ? new ChannelStatus(ChannelKinds.Discord, "connecting", _options.Mode, null, timeProvider.GetUtcNow())
            : new ChannelStatus(ChannelKinds.Discord, "not_configured", _options.Mode, null, null);
    }

    public ChannelStatus Status => _status;

    internal void Report(string state, string? detail) =>
        _status = new ChannelStatus(ChannelKinds.Discord, state, DiscordModes.Gateway, detail, _timeProvider.GetUtcNow());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_rest.Configured || _options.Mode != DiscordModes.Gateway)
        {
            return;
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            DiscordGatewayEnd end;
            try
            {
                var url = _session.CanResume ? _session.ResumeUrl! : await _rest.GetGatewayUrlAsync(stoppingToken);
                await using var connection = new DiscordGatewayConnection(this, _options.BotToken, _session, _interactions, _rest, _timeProvider, _logger);
                end = await connection.RunAsync(url, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is WebSocketException or HttpRequestException or DiscordApiException
                or System.Text.Json.JsonException or OperationCanceledException or InvalidOperationException)
            {
                end = DiscordGatewayEnd.Failed;
                Report("degraded", Describe(exception));
                LogConnectionFailed(_logger, Describe(exception));
            }
            if (end == DiscordGatewayEnd.Fatal)
            {
                return;
            }
            failures = end == DiscordGatewayEnd.Failed ? failures + 1 : 0;
            if (failures > 0)
            {
                var backoff = TimeSpan.FromTicks(Math.Min(s_longestBackoff.Ticks, s_firstBackoff.Ticks << Math.Min(failures - 1, 6)));
                backoff += TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
                LogReconnecting(_logger, (long)backoff.TotalMilliseconds, failures);
                try
                {
                    await Task.Delay(backoff, _timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>An exception's kind and message; Gateway URLs and errors carry no token.</summary>
    private static string Describe(Exception exception) =>
        exception is DiscordApiException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
}

/// <summary>How one Gateway connection ended: resume or reconnect now, after a failure (back off), or for good (bad token).</summary>
internal enum DiscordGatewayEnd
{
    Reconnect,
    Failed,
    Fatal,
}
