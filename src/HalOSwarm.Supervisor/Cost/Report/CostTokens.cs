namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>Tokens by kind; <see cref="Total"/> is their sum.</summary>
internal sealed record CostTokens
{
    public required long Input { get; init; }

    public required long Output { get; init; }

    public required long Reasoning { get; init; }

    public required long CacheRead { get; init; }

    public required long CacheWrite { get; init; }

    public long Total => Input + Output + Reasoning + CacheRead + CacheWrite;
}
