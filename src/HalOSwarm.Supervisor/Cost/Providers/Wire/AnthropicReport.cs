namespace HalOSwarm.Supervisor.Cost.Providers.Wire;

/// <summary>A page of an Anthropic Admin API report (usage or cost): time buckets, and the token of the next page.</summary>
internal sealed record AnthropicReport<TResult>
{
    public List<AnthropicBucket<TResult>> Data { get; init; } = [];

    public bool HasMore { get; init; }

    public string? NextPage { get; init; }
}
