namespace HalOSwarm.Protocol;

/// <summary>Token counts of one message or, summed, of a session.</summary>
public sealed record TokenCounts(long Input, long Output, long Reasoning, long CacheRead, long CacheWrite)
{
    public static readonly TokenCounts Zero = new(0, 0, 0, 0, 0);

    public TokenCounts Add(TokenCounts other) => new(
        Input + other.Input,
        Output + other.Output,
        Reasoning + other.Reasoning,
        CacheRead + other.CacheRead,
        CacheWrite + other.CacheWrite);
}
