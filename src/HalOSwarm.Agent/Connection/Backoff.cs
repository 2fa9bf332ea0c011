namespace HalOSwarm.Agent.Connection;

/// <summary>
/// Reconnect delays: 1 s doubling up to 30 s, each scaled by a random factor in [0.8, 1.2] so a fleet
/// that lost its supervisor does not come back in lockstep.
/// </summary>
internal sealed class Backoff
{
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(30);
    public const double Jitter = 0.2;

    private readonly Random _random;
    private int _attempt;

    public Backoff(Random? random = null) => _random = random ?? Random.Shared;

    /// <summary>The delay before the next attempt; each call doubles the base.</summary>
    public TimeSpan Next()
    {
        var baseSeconds = Math.Min(Initial.TotalSeconds * Math.Pow(2, _attempt), Maximum.TotalSeconds);
        if (baseSeconds < Maximum.TotalSeconds)
        {
            _attempt++;
        }
        var factor = 1 + ((_random.NextDouble() * 2) - 1) * Jitter;
        return TimeSpan.FromSeconds(baseSeconds * factor);
    }

    /// <summary>After a connection that got as far as welcome, start again from 1 s.</summary>
    public void Reset() => _attempt = 0;
}
