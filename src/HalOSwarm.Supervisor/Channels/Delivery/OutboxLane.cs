namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>
/// One target's sequential lane: at most one send at a time, <see cref="IChannelSender.MinInterval"/> kept between two
/// sends, and a 429's wait held here, so it never holds another target.
/// </summary>
internal sealed class OutboxLane(string target)
{
    public string Target { get; } = target;

    /// <summary>The lane's current run (completed when idle).</summary>
    public Task Running { get; set; } = Task.CompletedTask;

    /// <summary>When the platform last answered a send to this target, for the minimum interval.</summary>
    public DateTimeOffset? LastSentAt { get; set; }
}
