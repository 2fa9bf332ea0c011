namespace HalOSwarm.Supervisor.Cost.Providers.Wire;

/// <summary>A row of the cost report: <see cref="Amount"/> is a decimal string in cents (<c>"123.78912"</c> = $1.2378912).</summary>
internal sealed record AnthropicCostResult
{
    public string? Amount { get; init; }

    public string? Currency { get; init; }

    public string? CostType { get; init; }

    public string? Description { get; init; }

    public string? Model { get; init; }

    public string? WorkspaceId { get; init; }
}
