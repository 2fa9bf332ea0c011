using HalOSwarm.Supervisor.Channels.Alerts;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>
/// Puts alerts on one platform. The outbox calls it for every delivery of a target of its <see cref="Kind"/>
/// (<c>discord:alerts</c> → kind <c>discord</c>, target <c>alerts</c>), one call at a time per target, and retries what
/// fails. A sender throws <see cref="ChannelDeliveryException"/> for a refusal it understood (with the platform's
/// <c>retry_after</c> on a 429), anything else counts as a transient failure.
/// </summary>
internal interface IChannelSender
{
    /// <summary><c>discord</c>, <c>slack</c>, <c>telegram</c> or <c>webhook</c> (<see cref="ChannelKinds"/>).</summary>
    string Kind { get; }

    /// <summary>True when the platform is configured (credentials present and not placeholders) and knows <paramref name="target"/>.</summary>
    bool Knows(string target);

    /// <summary>
    /// The shortest time between two messages to one target the platform tolerates (Slack and Telegram: about one a
    /// second per channel), which the outbox keeps to; <see cref="TimeSpan.Zero"/> for none.
    /// </summary>
    TimeSpan MinInterval { get; }

    /// <summary>Posts the alert; returns the platform's reference of the message (for updating it later), or null when it has none.</summary>
    Task<string?> PostAsync(string target, Alert alert, CancellationToken cancellationToken);

    /// <summary>Replaces the message <paramref name="messageRef"/> (what <see cref="PostAsync"/> returned) with the alert as it is now.</summary>
    Task UpdateAsync(string target, string messageRef, Alert alert, CancellationToken cancellationToken);
}

/// <summary>A delivery the platform refused: <see cref="Permanent"/> ones are not retried; <see cref="RetryAfter"/> is the platform's own wait (429).</summary>
internal sealed class ChannelDeliveryException(string reason, bool permanent = false, TimeSpan? retryAfter = null) : Exception(reason)
{
    public bool Permanent { get; } = permanent;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}

internal static class ChannelKinds
{
    public const string Discord = "discord";
    public const string Slack = "slack";
    public const string Telegram = "telegram";
    public const string Webhook = "webhook";

    public static readonly IReadOnlyList<string> All = [Discord, Slack, Telegram, Webhook];
}
