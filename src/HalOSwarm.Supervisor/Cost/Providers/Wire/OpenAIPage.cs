namespace HalOSwarm.Supervisor.Cost.Providers.Wire;

/// <summary>A page of an OpenAI organization usage or costs response.</summary>
internal sealed record OpenAIPage<TResult>
{
    public List<OpenAIBucket<TResult>> Data { get; init; } = [];

    public bool HasMore { get; init; }

    public string? NextPage { get; init; }
}
