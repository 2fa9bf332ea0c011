using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Channels.Webhooks;

/// <summary>One <c>channels.webhooks.NAME</c> target: routed events POSTed as JSON, signed with <see cref="Secret"/>.</summary>
internal sealed class WebhookOptions
{
    [ConfigurationKeyName("url")]
    public string Url { get; set; } = "";

    /// <summary>The HMAC-SHA256 key of the signature header; never shown.</summary>
    [ConfigurationKeyName("secret")]
    public string Secret { get; set; } = "";
}
