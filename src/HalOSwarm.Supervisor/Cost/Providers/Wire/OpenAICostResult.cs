namespace HalOSwarm.Supervisor.Cost.Providers.Wire;

/// <summary>A costs row: an amount in dollars, by project and line item when grouped by them.</summary>
internal sealed record OpenAICostResult
{
    public OpenAIAmount? Amount { get; init; }

    public string? LineItem { get; init; }

    public string? ProjectId { get; init; }
}
