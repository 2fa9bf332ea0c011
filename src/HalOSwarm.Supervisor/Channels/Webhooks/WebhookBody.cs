using HalOSwarm.Supervisor.Channels.Alerts;

namespace HalOSwarm.Supervisor.Channels.Webhooks;

/// <summary>
/// What a webhook receives (docs/CHANNELS.md, "Webhooks"): the delivery's id (the same on every retry: a receiver drops
/// a repeat by it), the alert's id, <c>post</c> or <c>update</c> (the alert answered; <see cref="PostDeliveryId"/> names
/// the post it updates), the alert as every platform renders it, and the event it is about.
/// </summary>
internal sealed record WebhookBody
{
    public long DeliveryId { get; init; }

    public long AlertId { get; init; }

    public required string Op { get; init; }

    public long? PostDeliveryId { get; init; }

    public required Alert Alert { get; init; }

    public required WebhookEvent Event { get; init; }
}

/// <summary>
/// The event an alert is about: the stored event's id (null for an alert of the router's sweep, such as a session idle
/// too long), its type, node, session, and time.
/// </summary>
internal sealed record WebhookEvent(long? Id, string Type, string? NodeId, string? SessionId, DateTimeOffset Ts);
