using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Webhooks;

/// <summary>Webhooks hold no connection: configured ones are ready (each delivery's outcome is in the deliveries list).</summary>
internal sealed class WebhookStatusSource(IOptions<ChannelsOptions> options) : IChannelStatusSource
{
    public ChannelStatus Status => options.Value.Webhooks.Count == 0
        ? new ChannelStatus(ChannelKinds.Webhook, "not_configured", "webhook", null, null)
        : new ChannelStatus(ChannelKinds.Webhook, "connected", "webhook", $"{options.Value.Webhooks.Count} webhook target(s): {string.Join(", ", options.Value.Webhooks.Keys.Order(StringComparer.Ordinal))}", null);
}
