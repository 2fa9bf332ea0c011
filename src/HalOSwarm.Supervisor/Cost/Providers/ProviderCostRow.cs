namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>What a provider billed in USD for a UTC day, one workspace / project id (empty for none) and line item.</summary>
internal sealed record ProviderCostRow
{
    public required string Provider { get; init; }

    public required DateOnly Day { get; init; }

    public required string ScopeId { get; init; }

    /// <summary>Anthropic's <c>description</c> or OpenAI's <c>line_item</c>; empty when the provider gave none.</summary>
    public required string LineItem { get; init; }

    public string? Model { get; init; }

    public string? Project { get; init; }

    public required decimal AmountUsd { get; init; }
}
