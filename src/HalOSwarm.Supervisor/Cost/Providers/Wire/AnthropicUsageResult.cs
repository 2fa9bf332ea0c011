namespace HalOSwarm.Supervisor.Cost.Providers.Wire;

/// <summary>A row of the messages usage report; dimension fields are null unless grouped by.</summary>
internal sealed record AnthropicUsageResult
{
    public string? Model { get; init; }

    public string? WorkspaceId { get; init; }

    public long UncachedInputTokens { get; init; }

    public long CacheReadInputTokens { get; init; }

    public AnthropicCacheCreation? CacheCreation { get; init; }

    public long OutputTokens { get; init; }
}
