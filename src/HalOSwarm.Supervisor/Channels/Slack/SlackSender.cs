using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// Puts alerts on Slack: target <c>NAME</c> or <c>#NAME</c> is looked up in <c>channels.slack.channels</c>; the message
/// is Block Kit (<see cref="SlackBlocks"/>) with a fallback text; its reference is <c>CHANNEL_ID/TS</c>, and an update
/// replaces it with the alert as answered (no buttons). Slack takes about one message a second per channel.
/// </summary>
internal sealed class SlackSender(SlackWebClient client, IOptions<ChannelsOptions> options) : IChannelSender
{
    public string Kind => ChannelKinds.Slack;

    public TimeSpan MinInterval => TimeSpan.FromSeconds(1);

    public bool Knows(string target) => SlackChecks.IsConfigured(options.Value.Slack) && ChannelId(target) is not null;

    public async Task<string?> PostAsync(string target, Alert alert, CancellationToken cancellationToken)
    {
        var channel = ChannelId(target) ?? throw new ChannelDeliveryException($"slack: no channel named {target} in channels.slack.channels", permanent: true);
        var (text, blocks) = SlackBlocks.Alert(alert);
        var ts = await client.PostMessageAsync(channel, text, blocks, cancellationToken);
        return channel + "/" + ts;
    }

    public async Task UpdateAsync(string target, string messageRef, Alert alert, CancellationToken cancellationToken)
    {
        var slash = messageRef.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == messageRef.Length - 1)
        {
            throw new ChannelDeliveryException("slack: the message reference is not CHANNEL/TS", permanent: true);
        }
        var (text, blocks) = SlackBlocks.Alert(alert);
        await client.UpdateAsync(messageRef[..slash], messageRef[(slash + 1)..], text, blocks, cancellationToken);
    }

    private string? ChannelId(string target)
    {
        var name = target.StartsWith('#') ? target[1..] : target;
        return options.Value.Slack.Channels.TryGetValue(name, out var id) && !string.IsNullOrEmpty(id) ? id : null;
    }
}
