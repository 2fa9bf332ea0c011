namespace HalOSwarm.Supervisor.Cost.Providers.Wire;

/// <summary>One time bucket of an OpenAI page (unix seconds, end exclusive); empty buckets have no results.</summary>
internal sealed record OpenAIBucket<TResult>
{
    public long StartTime { get; init; }

    public long EndTime { get; init; }

    public List<TResult> Results { get; init; } = [];
}
