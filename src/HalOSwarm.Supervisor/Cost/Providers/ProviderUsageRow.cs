namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// Tokens a provider reports for a UTC day, one workspace / project id (<see cref="ScopeId"/>, empty for none) and model.
/// <see cref="InputTokens"/> are the uncached input tokens for both providers.
/// </summary>
internal sealed record ProviderUsageRow
{
    public required string Provider { get; init; }

    public required DateOnly Day { get; init; }

    public required string ScopeId { get; init; }

    public required string Model { get; init; }

    /// <summary>Our project, from the <c>workspaces</c> / <c>projects</c> map; null when the id is not mapped.</summary>
    public string? Project { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long CacheReadTokens { get; init; }

    public long CacheWriteTokens { get; init; }

    /// <summary>Requests (OpenAI reports them; Anthropic does not: null).</summary>
    public long? Requests { get; init; }
}
