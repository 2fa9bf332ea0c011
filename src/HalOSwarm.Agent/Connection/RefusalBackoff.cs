namespace HalOSwarm.Agent.Connection;

/// <summary>
/// Delays after a refusal (<see cref="ConnectRefusal"/>): 30 s doubling up to 5 minutes, each scaled by a random factor
/// in [0.8, 1.2]. Slow, because only a change on one side ends a refusal; not never, so that change needs no restart
/// of the agent (a supervisor upgraded, a token added, the old connection of this node timed out).
/// </summary>
internal sealed class RefusalBackoff
{
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Maximum = TimeSpan.FromMinutes(5);

    private readonly Random _random;
    private int _attempt;

    public RefusalBackoff(Random? random = null) => _random = random ?? Random.Shared;

    public TimeSpan Next()
    {
        var baseSeconds = Math.Min(Initial.TotalSeconds * Math.Pow(2, _attempt), Maximum.TotalSeconds);
        if (baseSeconds < Maximum.TotalSeconds)
        {
            _attempt++;
        }
        var factor = 1 + ((_random.NextDouble() * 2) - 1) * Backoff.Jitter;
        return TimeSpan.FromSeconds(baseSeconds * factor);
    }

    public void Reset() => _attempt = 0;
}
