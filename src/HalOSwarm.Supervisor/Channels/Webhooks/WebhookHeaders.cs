namespace HalOSwarm.Supervisor.Channels.Webhooks;

/// <summary>The headers every webhook request carries.</summary>
internal static class WebhookHeaders
{
    /// <summary>The delivery's id: the same on every attempt, so a receiver drops a repeat.</summary>
    public const string Delivery = "X-Hal-Delivery";

    /// <summary>Unix seconds when the request was signed; a receiver refuses one too old (we suggest 5 minutes).</summary>
    public const string Timestamp = "X-Hal-Timestamp";

    /// <summary><c>sha256=HEX</c>, see <see cref="WebhookSignature"/>.</summary>
    public const string Signature = "X-Hal-Signature";
}
