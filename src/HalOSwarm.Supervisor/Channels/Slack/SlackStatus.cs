using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// Slack's connection state for the channels API: not configured; in HTTP mode ready from the start; in Socket Mode
/// connecting, connected once Slack said hello, degraded while reconnecting (the detail says why, never a URL or token).
/// </summary>
internal sealed class SlackStatus : IChannelStatusSource
{
    private readonly TimeProvider _timeProvider;
    private ChannelStatus _status;

    public SlackStatus(IOptions<ChannelsOptions> options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        var slack = options.Value.Slack;
        _status = !SlackChecks.IsConfigured(slack)
            ? new ChannelStatus(ChannelKinds.Slack, "not_configured", slack.Mode, null, null)
            : slack.Mode == SlackModes.Http
                ? new ChannelStatus(ChannelKinds.Slack, "connected", SlackModes.Http, null, timeProvider.GetUtcNow())
                : new ChannelStatus(ChannelKinds.Slack, "connecting", SlackModes.Socket, null, timeProvider.GetUtcNow());
    }

    public ChannelStatus Status => Volatile.Read(ref _status);

    /// <summary>Records a Socket Mode state change (the time moves only when the state does).</summary>
    public void Set(string state, string? detail)
    {
        var current = Status;
        var since = current.State == state ? current.Since : _timeProvider.GetUtcNow();
        Volatile.Write(ref _status, current with { State = state, Detail = detail, Since = since });
    }
}
