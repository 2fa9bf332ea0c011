namespace HalOSwarm.Supervisor.Cost.Providers.Wire;

/// <summary>A completions usage row; <see cref="InputTokens"/> includes the cached ones.</summary>
internal sealed record OpenAIUsageResult
{
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long InputCachedTokens { get; init; }

    public long NumModelRequests { get; init; }

    public string? ProjectId { get; init; }

    public string? Model { get; init; }
}
