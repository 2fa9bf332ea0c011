namespace HalOSwarm.Bench.Load;

/// <summary>
/// How a fleet of simulated agents behaves. <see cref="TotalRate"/> of 0 means "as fast as acks allow":
/// every agent keeps <see cref="Window"/> events unacknowledged at all times.
/// </summary>
internal sealed record LoadProfile(
    int Agents,
    int SessionsPerAgent,
    double TotalRate,
    int Batch,
    int Window,
    EventMixKind Mix = EventMixKind.Turns)
{
    public double RatePerAgent => TotalRate / Agents;

    public bool OpenLoop => TotalRate > 0;

    /// <summary>How often an open-loop agent wakes to create the events that fell due: about one event per tick, 2–200 ms.</summary>
    public TimeSpan Tick => OpenLoop
        ? TimeSpan.FromMilliseconds(Math.Clamp(1000.0 / RatePerAgent, 2, 200))
        : TimeSpan.FromMilliseconds(500);
}
