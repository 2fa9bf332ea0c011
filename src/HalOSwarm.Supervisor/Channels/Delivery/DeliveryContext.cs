namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>
/// The delivery a sender is being called for, set by the dispatcher around each <see cref="IChannelSender"/> call: its id
/// is the same on every attempt and across restarts, so a sender can pass it on (the webhook's <c>X-Hal-Delivery</c>)
/// and a receiver can drop a repeat.
/// </summary>
internal sealed record DeliveryContext(long DeliveryId, string Op, int Attempt)
{
    private static readonly AsyncLocal<DeliveryContext?> s_current = new();

    /// <summary>Null outside a dispatcher's call.</summary>
    public static DeliveryContext? Current
    {
        get => s_current.Value;
        internal set => s_current.Value = value;
    }
}
