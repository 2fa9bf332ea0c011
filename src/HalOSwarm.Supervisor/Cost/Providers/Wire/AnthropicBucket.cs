namespace HalOSwarm.Supervisor.Cost.Providers.Wire;

/// <summary>One time bucket of an Anthropic report (RFC 3339 bounds, end exclusive).</summary>
internal sealed record AnthropicBucket<TResult>
{
    public DateTimeOffset StartingAt { get; init; }

    public DateTimeOffset EndingAt { get; init; }

    public List<TResult> Results { get; init; } = [];
}
